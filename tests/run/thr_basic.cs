// Threads: start and join, results combined after Join, ManagedThreadId
// stable per thread, [ThreadStatic] per thread, states and names, and a
// foreground thread that outlives Main; deep recursion on threads and
// pool workers (their stack is the main thread's size whatever the libc).
using System;
using System.Threading;

class ThrBasic {
	[ThreadStatic] static int tls;
	[ThreadStatic] static string tlsName;

	static int Work(int k)
	{
		tls = k;
		tlsName = "w" + k;
		int id = Thread.CurrentThread.ManagedThreadId;
		long s = 0;
		for (int i = 0; i < 100000; i++) {
			s += i % (k + 2);
			if (i % 1000 == 0)
				Thread.Yield();
		}
		bool stable = id == Thread.CurrentThread.ManagedThreadId;
		GC.Collect();
		return (stable && tls == k && tlsName == "w" + k) ? (int)(s % 1000) : -1;
	}

	// Not a loop for gcc: the frame holds an array across the call.
	static int Deep(int n)
	{
		if (n == 0)
			return 0;
		var a = new int[1];
		a[0] = Deep(n - 1) + 1;
		return a[0];
	}

	static void Main()
	{
		tls = 99;
		tlsName = "main";
		Out.L("main id", Thread.CurrentThread.ManagedThreadId);
		Out.L("main state", Thread.CurrentThread.ThreadState.ToString());
		Out.L("main background", Thread.CurrentThread.IsBackground);
		var results = new int[8];
		var ids = new int[8];
		var threads = new Thread[8];
		for (int i = 0; i < threads.Length; i++) {
			int k = i;
			threads[i] = new Thread(() => {
				ids[k] = Thread.CurrentThread.ManagedThreadId;
				results[k] = Work(k);
			});
		}
		Out.L("unstarted", threads[0].ThreadState.ToString());
		Out.L("alive before", threads[0].IsAlive);
		for (int i = 0; i < threads.Length; i++)
			threads[i].Start();
		for (int i = 0; i < threads.Length; i++)
			threads[i].Join();
		for (int i = 0; i < threads.Length; i++)
			Out.L("result " + i, results[i]);
		bool idsOk = true;
		for (int i = 0; i < threads.Length; i++)
			idsOk &= ids[i] == threads[i].ManagedThreadId && ids[i] != 1;
		Out.L("ids match", idsOk);
		Out.L("stopped", threads[0].ThreadState.ToString());
		Out.L("alive after", threads[0].IsAlive);
		Out.L("main tls", tls);
		Out.L("main tlsName", tlsName);

		var p = new Thread(o => { results[0] = (int)o * 2; });
		p.Start(21);
		Out.L("join timeout", p.Join(5000));
		Out.L("param", results[0]);
		try {
			p.Start(1);
		} catch (ThreadStateException e) {
			Out.L("restart", e.Message);
		}
		p.Name = "worker";
		Out.L("name", p.Name);
		try {
			p.Name = "again";
		} catch (InvalidOperationException e) {
			Out.L("rename", e.Message);
		}

		// threads and pool workers have the main thread's stack size
		// (the C library's default may be far smaller: musl's 128 KB)
		int depth = 0;
		var deep = new Thread(() => { depth = Deep(50000); });
		deep.Start();
		deep.Join();
		Out.L("deep thread", depth);
		var poolDone = new ManualResetEvent(false);
		ThreadPool.QueueUserWorkItem(_ => { depth = Deep(50000) + 1; poolDone.Set(); });
		poolDone.WaitOne();
		Out.L("deep pool worker", depth);

		// Mono drops Background when a thread stops
		var bgDone = new Thread(() => { }) { IsBackground = true };
		bgDone.Start();
		bgDone.Join();
		Out.L("stopped background", bgDone.ThreadState.ToString());
		var bg = new Thread(() => Thread.Sleep(60000));
		bg.IsBackground = true;
		bg.Start();
		Out.L("bg", bg.IsBackground);
		var slow = new Thread(() => { Thread.Sleep(200); Out.L("foreground thread done"); });
		slow.Start();
		Out.L("main done");
	}
}
