// Monitors taken without their mutex (compare-and-swap on the owner, a
// spin, then sleep): counts under contention must come out exact, a
// Wait/Pulse hand-off between two threads must lose no wake-up, TryEnter
// must fail while another thread holds the lock and succeed after,
// recursion must nest, and Exit by a thread that does not own the
// monitor must throw SynchronizationLockException.
using System;
using System.Threading;

static class ThrMonFast {
	static readonly object gate = new object();
	static int count;
	static int slot, turns;
	static bool full;

	static void Add()
	{
		for (int i = 0; i < 20000; i++)
			lock (gate)
				count++;
	}

	static void Produce()
	{
		for (int i = 1; i <= 2000; i++)
			lock (gate) {
				while (full)
					Monitor.Wait(gate);
				slot = i;
				full = true;
				Monitor.Pulse(gate);
			}
	}

	static int Consume()
	{
		int sum = 0;
		for (int i = 0; i < 2000; i++)
			lock (gate) {
				while (!full)
					Monitor.Wait(gate);
				sum += slot;
				turns++;
				full = false;
				Monitor.Pulse(gate);
			}
		return sum;
	}

	static int Main()
	{
		var ts = new Thread[3];
		for (int i = 0; i < ts.Length; i++)
			(ts[i] = new Thread(Add)).Start();
		Add();
		foreach (var t in ts)
			t.Join();
		Console.WriteLine("count " + count);

		var p = new Thread(Produce);
		p.Start();
		int sum = Consume();
		p.Join();
		Console.WriteLine("sum " + sum + " turns " + turns);

		var held = new ManualResetEvent(false);
		var release = new ManualResetEvent(false);
		var holder = new Thread(() => {
			lock (gate) {
				held.Set();
				release.WaitOne();
			}
		});
		holder.Start();
		held.WaitOne();
		bool got = Monitor.TryEnter(gate, 20);
		Console.WriteLine("while held: " + got + " " + Monitor.IsEntered(gate));
		release.Set();
		holder.Join();
		got = Monitor.TryEnter(gate, 1000);
		Console.WriteLine("after: " + got + " " + Monitor.IsEntered(gate));
		Monitor.Enter(gate);
		Monitor.Exit(gate);
		Console.WriteLine("nested still held: " + Monitor.IsEntered(gate));
		Monitor.Exit(gate);
		Console.WriteLine("released: " + Monitor.IsEntered(gate));
		try {
			Monitor.Exit(gate);
			Console.WriteLine("no exception");
		} catch (SynchronizationLockException) {
			Console.WriteLine("SynchronizationLockException");
		}
		return 0;
	}
}
