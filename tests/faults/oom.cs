// Running out of memory, under a limit the test sets (ulimit -v):
//   big     64 MB arrays kept in a list: OutOfMemoryException, caught,
//           and the peak resident memory stays small (the arrays are
//           never written, so their pages need not be touched)
//   small   small arrays kept in a list, the exception not caught (Mono
//           reports its collector's failure instead, with the same status)
//   string  new string('x', int.MaxValue): OutOfMemoryException
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

static class Oom {
	[DllImport("libc")]
	static extern int getrusage(int who, long[] usage);

	// Peak resident set in KB (struct rusage: two timevals, then ru_maxrss).
	static long PeakKB()
	{
		var u = new long[18];
		getrusage(0, u);
		return u[4];
	}

	static void Big()
	{
		var list = new List<byte[]>();
		try {
			for (;;)
				list.Add(new byte[64 << 20]);
		} catch (OutOfMemoryException e) {
			Out.L("caught: " + e.Message);
		}
		Out.L("more than 10 arrays: " + (list.Count > 10));
		Out.L("peak under 256 MB: " + (PeakKB() < 256 * 1024));
	}

	static void Small()
	{
		var list = new List<int[]>();
		for (;;)
			list.Add(new int[16]);
	}

	static void String()
	{
		try {
			var s = new string('x', int.MaxValue);
			Out.L("made " + s.Length);
		} catch (OutOfMemoryException e) {
			Out.L("caught: " + e.Message);
		}
	}

	static void Main(string[] args)
	{
		Out.L("start");
		switch (args[0]) {
		case "big": Big(); break;
		case "small": Small(); break;
		case "string": String(); break;
		}
	}
}
