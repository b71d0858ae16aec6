// The thread pool: Task.Run with Wait and Result, Parallel.For with a
// deterministic sum, ThreadPool.QueueUserWorkItem with a CountdownEvent,
// an exception inside a Task seen through AggregateException, and pool
// threads marked as such. (--allow-missing-icalls: Task's code reaches
// MonoIO and reflection calls that these paths never take.)
using System;
using System.Threading;
using System.Threading.Tasks;

class ThrTasks {
	static void Main()
	{
		var t = Task.Run(() => {
			long s = 0;
			for (int i = 1; i <= 1000; i++)
				s += i;
			return s;
		});
		Out.L("task result", t.Result);
		bool pool = false, bg = false;
		Task.Run(() => {
			pool = Thread.CurrentThread.IsThreadPoolThread;
			bg = Thread.CurrentThread.IsBackground;
		}).Wait();
		Out.L("pool thread", pool);
		Out.L("background", bg);
		Out.L("main is pool", Thread.CurrentThread.IsThreadPoolThread);

		var tasks = new Task<int>[16];
		for (int i = 0; i < tasks.Length; i++) {
			int k = i;
			tasks[i] = Task.Run(() => k * k);
		}
		Task.WaitAll(tasks);
		int sq = 0;
		foreach (var x in tasks)
			sq += x.Result;
		Out.L("squares", sq);

		long total = 0;
		Parallel.For(0, 10000, i => Interlocked.Add(ref total, i));
		Out.L("parallel sum", total);

		var cd = new CountdownEvent(20);
		int hits = 0;
		for (int i = 0; i < 20; i++)
			ThreadPool.QueueUserWorkItem(_ => {
				Interlocked.Increment(ref hits);
				cd.Signal();
			});
		Out.L("countdown", cd.Wait(10000));
		Out.L("hits", hits);

		var bad = Task.Run(() => {
			if (hits > 0)
				throw new InvalidOperationException("inside the task");
			return 1;
		});
		try {
			bad.Wait();
		} catch (AggregateException e) {
			Out.L("inner type", e.InnerException.GetType().Name);
			Out.L("inner message", e.InnerException.Message);
		}
		Out.L("faulted", bad.IsFaulted);

		var cont = Task.Run(() => 20).ContinueWith(p => p.Result + 1);
		Out.L("continuation", cont.Result);
	}
}
