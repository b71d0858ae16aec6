// [MethodImpl(MethodImplOptions.Synchronized)]: instance methods hold the
// monitor of `this`, static ones that of the type, for the whole call, and
// let go when the method throws (a method that let go itself ends with
// SynchronizationLockException instead of its own exception);
// TextWriter.Synchronized's writer is built on them. Four threads bump unprotected counters through such methods: any
// lost update shows in the totals.
using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;

class Counter {
	int n;
	static int s;

	[MethodImpl(MethodImplOptions.Synchronized)]
	public void Add() { int v = n; Thread.SpinWait(20); n = v + 1; }

	[MethodImpl(MethodImplOptions.Synchronized)]
	public static void AddStatic() { int v = s; Thread.SpinWait(20); s = v + 1; }

	[MethodImpl(MethodImplOptions.Synchronized)]
	public int Get() { return n; }

	[MethodImpl(MethodImplOptions.Synchronized)]
	public bool Held() { return Monitor.IsEntered(this); }

	[MethodImpl(MethodImplOptions.Synchronized)]
	public static bool HeldStatic() { return Monitor.IsEntered(typeof(Counter)); }

	[MethodImpl(MethodImplOptions.Synchronized)]
	public void Boom() { throw new InvalidOperationException("boom"); }

	[MethodImpl(MethodImplOptions.Synchronized)]
	public void LetGoThenBoom() { Monitor.Exit(this); throw new InvalidOperationException("boom"); }

	public static int Static { get { return s; } }
}

static class P {
	static int Main()
	{
		var c = new Counter();
		var threads = new Thread[4];
		for (int i = 0; i < threads.Length; i++) {
			threads[i] = new Thread(() => {
				for (int k = 0; k < 5000; k++) {
					c.Add();
					Counter.AddStatic();
				}
			});
			threads[i].Start();
		}
		foreach (var t in threads)
			t.Join();
		Out.L("instance " + c.Get() + ", static " + Counter.Static);
		Out.L("held inside " + c.Held() + " " + Counter.HeldStatic() + ", outside " + Monitor.IsEntered(c));
		try {
			c.Boom();
		} catch (InvalidOperationException e) {
			Out.L(e.Message + ", held after " + Monitor.IsEntered(c));
		}
		try {
			c.LetGoThenBoom();
		} catch (Exception e) {
			Out.L("exited by hand: " + e.GetType().Name);
		}
		TextWriter w = TextWriter.Synchronized(new StringWriter());
		w.Write("x");
		w.Write(42);
		Out.L(w.GetType().Name);
		return 0;
	}
}
