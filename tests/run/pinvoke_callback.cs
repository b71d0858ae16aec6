// Delegates handed to C as function pointers: qsort calling a comparison,
// one delegate bound once and reused, a fresh delegate per call (their C
// functions come back as they are collected), GetFunctionPointerForDelegate
// and back with GetDelegateForFunctionPointer,
// and a native thread (pthread_create) calling into managed code.
using System;
using System.Runtime.InteropServices;

static unsafe class P {
	delegate int Compare(IntPtr a, IntPtr b);
	delegate IntPtr Start(IntPtr arg);

	[DllImport("libc")]
	static extern void qsort(int[] data, IntPtr n, IntPtr size, Compare cmp);
	[DllImport("libc", EntryPoint = "qsort")]
	static extern void qsort_ptr(int[] data, IntPtr n, IntPtr size, IntPtr cmp);
	[DllImport("libc")]
	static extern int pthread_create(out IntPtr thread, IntPtr attr, Start start, IntPtr arg);
	[DllImport("libc")]
	static extern int pthread_join(IntPtr thread, out IntPtr result);
	[DllImport("libc")]
	static extern IntPtr bsearch(ref int key, int[] data, IntPtr n, IntPtr size, Compare cmp);

	static int calls;

	static int Ascending(IntPtr a, IntPtr b)
	{
		calls++;
		return *(int *)a - *(int *)b;
	}

	static string Show(int[] a)
	{
		string s = "";
		foreach (int x in a)
			s += (s.Length > 0 ? " " : "") + x;
		return s;
	}

	static void Main()
	{
		int[] a = { 5, 3, 9, 1, 7, 2, 8 };
		Compare asc = Ascending;
		qsort(a, (IntPtr)a.Length, (IntPtr)4, asc);
		Out.L("ascending: " + Show(a) + (calls > 0 ? " (called)" : " (not called)"));
		int key = 7;
		IntPtr found = bsearch(ref key, a, (IntPtr)a.Length, (IntPtr)4, asc);
		Out.L("bsearch 7: " + (found != IntPtr.Zero ? "found " + *(int *)found : "missing"));

		int factor = -1;
		for (int round = 0; round < 100; round++) {
			int[] b = { round, 1, round / 2 };
			qsort(b, (IntPtr)3, (IntPtr)4, (x, y) => factor * (*(int *)x - *(int *)y));
			if (round % 33 == 0)
				Out.L("descending: " + Show(b));
			GC.Collect();
		}

		Compare byAbs = (x, y) => Math.Abs(*(int *)x) - Math.Abs(*(int *)y);
		IntPtr fp = Marshal.GetFunctionPointerForDelegate(byAbs);
		IntPtr fp2 = Marshal.GetFunctionPointerForDelegate(byAbs);
		Out.L("same pointer for the same delegate: " + (fp == fp2));
		int[] c = { -9, 4, -1, 6, -3 };
		qsort_ptr(c, (IntPtr)c.Length, (IntPtr)4, fp);
		Out.L("by absolute value: " + Show(c));
		Compare back = Marshal.GetDelegateForFunctionPointer<Compare>(fp);
		int x1 = -5, x2 = 3;
		Out.L("through C and back: " + back((IntPtr)(&x1), (IntPtr)(&x2)));
		var back2 = (Compare)Marshal.GetDelegateForFunctionPointer(fp, typeof(Compare));
		Out.L("non-generic form: " + back2((IntPtr)(&x2), (IntPtr)(&x1)));
		GC.KeepAlive(byAbs);

		int seen = 0;
		Start start = arg => { seen = (int)arg * 2; return (IntPtr)(seen + 1); };
		IntPtr th, result;
		int rc = pthread_create(out th, IntPtr.Zero, start, (IntPtr)21);
		pthread_join(th, out result);
		Out.L("native thread: rc " + rc + ", seen " + seen + ", result " + result);
		GC.KeepAlive(start);
	}
}
