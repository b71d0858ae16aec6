// The small program for build time, start-up time, peak memory and size:
// Hello World printed through a P/Invoke to libc's write(2), the way the
// benchmark programs report (System.Console is not compiled by ilcc yet).
using System;
using System.Runtime.InteropServices;

static class Hello {
	[DllImport("libc")]
	static extern IntPtr write(int fd, byte[] buf, IntPtr count);

	static int Main(string[] args)
	{
		string s = "Hello, world!\n";
		byte[] b = new byte[s.Length];
		for (int i = 0; i < s.Length; i++)
			b[i] = (byte)s[i];
		write(1, b, (IntPtr)b.Length);
		return 0;
	}
}
