// Thread.Suspend/Resume (obsolete, still in Mono's library), a loop that
// waits on a field without calling anything (gcc must read the field at
// each turn, as Mono's JIT does), and the thread pool's limits as Mono
// reports them (processor count; 100 per processor).
using System;
using System.Threading;

class ThrSuspend {
	static bool done;
	static int turns;

	class Box { public volatile int unused; public bool stop; }

#pragma warning disable 618
	static void SuspendOther()
	{
		var box = new Box();
		var t = new Thread(() => { while (!box.stop) { } });
		t.Start();
		for (int i = 0; i < 20; i++) {
			t.Suspend();
			GC.Collect();
			t.Resume();
		}
		box.stop = true;
		t.Join();
		Console.WriteLine("other: resumed 20 times, " + t.ThreadState);
	}

	static void SuspendSelf()
	{
		Thread me = Thread.CurrentThread;
		var helper = new Thread(() => {
			while (!done) {
				try {
					me.Resume();
					Interlocked.Increment(ref turns);
				} catch (ThreadStateException) {
				}
				Thread.Sleep(1);
			}
		});
		helper.Start();
		for (int i = 0; i < 5; i++)
			me.Suspend();
		done = true;
		helper.Join();
		Console.WriteLine("self: " + (turns >= 5 ? "resumed" : "not resumed"));
	}

	static void Errors()
	{
		try {
			Thread.CurrentThread.Resume();
		} catch (ThreadStateException e) {
			Console.WriteLine("resume: " + e.Message);
		}
		try {
			new Thread(() => { }).Suspend();
		} catch (ThreadStateException e) {
			Console.WriteLine("unstarted: " + e.Message);
		}
	}
#pragma warning restore 618

	static void Spin()
	{
		var t = new Thread(() => { Thread.Sleep(20); done = true; });
		done = false;
		t.Start();
		while (!done) { }
		t.Join();
		Console.WriteLine("spin: saw the field change");
	}

	static void Limits()
	{
		int n = Environment.ProcessorCount, w, io;
		ThreadPool.GetMaxThreads(out w, out io);
		int lo = Math.Min(n, 200), hi = Math.Max(n, 200);
		Console.WriteLine("max: " + (w == n * 100) + " " + (io == Math.Max(lo, Math.Min(hi, n * 100))));
		ThreadPool.GetMinThreads(out w, out io);
		Console.WriteLine("min: " + (w == n) + " " + (io == n));
		ThreadPool.GetAvailableThreads(out w, out io);
		Console.WriteLine("available: " + (w == n * 100));
	}

	static void Main()
	{
		SuspendOther();
		SuspendSelf();
		Errors();
		Spin();
		Limits();
	}
}
