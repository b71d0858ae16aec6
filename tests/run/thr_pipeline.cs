// Producer/consumer hand-offs that must lose no wake-up, through the
// class library's BlockingCollection as bench/programs/pipeline uses it:
// a ConcurrentQueue between two SemaphoreSlims, each a monitor whose
// Wait/Pulse run on runtime/mon.c's compare-and-swap fast path, its ready
// queue and its futex words. A capacity of 1 or 2 keeps both sides
// blocking; one and two producers and consumers; a consumer through
// GetConsumingEnumerable; then a chain of Task continuations read through
// Result. A lost wake-up hangs the test (the runner's timeout fails it);
// every item must be taken exactly once.
using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

static class ThrPipeline {
	static void Run(string what, int capacity, int producers, int consumers, int items)
	{
		var q = new BlockingCollection<int>(capacity);
		long sum = 0;
		int count = 0;
		var cs = new Thread[consumers];
		for (int c = 0; c < consumers; c++) {
			bool enumerate = c == 1;
			cs[c] = new Thread(() => {
				long s = 0;
				int n = 0, v;
				if (enumerate) {
					foreach (int x in q.GetConsumingEnumerable()) {
						s += x;
						n++;
					}
				} else {
					while (q.TryTake(out v, Timeout.Infinite)) {
						s += v;
						n++;
					}
				}
				Interlocked.Add(ref sum, s);
				Interlocked.Add(ref count, n);
			});
			cs[c].Start();
		}
		var ps = new Thread[producers];
		for (int p = 0; p < producers; p++) {
			int id = p;
			ps[p] = new Thread(() => {
				for (int i = 1; i <= items; i++)
					q.Add(i * 10 + id);
			});
			ps[p].Start();
		}
		foreach (var t in ps)
			t.Join();
		q.CompleteAdding();
		foreach (var t in cs)
			t.Join();
		Console.WriteLine(what + ": " + count + " items, sum " + sum + ", left " + q.Count);
	}

	static void Continuations()
	{
		Task<int> t = Task.Run(() => 0);
		for (int i = 0; i < 200; i++)
			t = t.ContinueWith(x => x.Result + 1);
		Console.WriteLine("continuations: " + t.Result);
	}

	static void Main()
	{
		Run("one to one, capacity 1", 1, 1, 1, 3000);
		Run("two to two, capacity 2", 2, 2, 2, 3000);
		Continuations();
	}
}
