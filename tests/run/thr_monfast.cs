// Monitors taken without their mutex (compare-and-swap on the owner, a
// spin, then sleep): counts under contention must come out exact, a
// Wait/Pulse hand-off between two threads must lose no wake-up, TryEnter
// must fail while another thread holds the lock and succeed after,
// recursion must nest, and Exit by a thread that does not own the
// monitor must throw SynchronizationLockException. A pulsed thread wakes
// only when the monitor is released (runtime/mon.c's ready queue): PulseAll
// must still wake every waiter, and one Pulse per item between two
// consumers and a producer, with a fourth thread taking the lock
// meanwhile, must lose no wake-up (a lost one hangs the test). Two
// threads playing ping-pong Pulse and then Wait in the same hold: the
// release inside Wait must wake the thread the Pulse readied.
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

	static readonly object gate2 = new object();
	static int waiting, woke, queued, taken, noise;
	static bool go, stop;

	static void Sleeper()
	{
		lock (gate2) {
			waiting++;
			while (!go)
				Monitor.Wait(gate2);
			woke++;
		}
	}

	static void Taker()
	{
		for (;;)
			lock (gate2) {
				while (queued == 0 && !stop)
					Monitor.Wait(gate2);
				if (queued == 0)
					return;
				queued--;
				taken++;
				Monitor.Pulse(gate2);
			}
	}

	static void PulsedWakeups()
	{
		var ts = new Thread[4];
		for (int i = 0; i < ts.Length; i++)
			(ts[i] = new Thread(Sleeper)).Start();
		for (;;) {
			lock (gate2)
				if (waiting == ts.Length)
					break;
			Thread.Sleep(1);
		}
		lock (gate2) {
			go = true;
			Monitor.PulseAll(gate2);
			Console.WriteLine("pulsed all, woke while held: " + woke);
		}
		foreach (var t in ts)
			t.Join();
		Console.WriteLine("woke " + woke);

		var takers = new[] { new Thread(Taker), new Thread(Taker) };
		foreach (var t in takers)
			t.Start();
		var busy = new Thread(() => {
			while (!Volatile.Read(ref stop))
				lock (gate2)
					noise++;
		});
		busy.Start();
		for (int i = 0; i < 20000; i++)
			lock (gate2) {
				while (queued >= 3)
					Monitor.Wait(gate2);
				queued++;
				Monitor.Pulse(gate2);
			}
		lock (gate2) {
			while (queued > 0)          /* a taker's Pulse may wake the other */
				Monitor.Wait(gate2, 10);
			stop = true;
			Monitor.PulseAll(gate2);
		}
		foreach (var t in takers)
			t.Join();
		busy.Join();
		Console.WriteLine("taken " + taken);
	}

	static readonly object ball = new object();
	static int hits;
	static bool bTurn;

	static void Player(bool b, int n)
	{
		lock (ball)
			for (int i = 0; i < n; i++) {
				while (bTurn != b)
					Monitor.Wait(ball);
				hits++;
				bTurn = !b;
				Monitor.Pulse(ball);
			}
	}

	static void PingPong()
	{
		var other = new Thread(() => Player(true, 5000));
		other.Start();
		Player(false, 5000);
		other.Join();
		Console.WriteLine("ping-pong hits " + hits);
	}

	static int Main()
	{
		PulsedWakeups();
		PingPong();
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
		Misuse();
		return 0;
	}

	static void Try(string what, Action a)
	{
		try {
			a();
			Console.WriteLine(what + ": no exception");
		} catch (Exception e) {
			Console.WriteLine(what + ": " + e.GetType().Name);
		}
	}

	/* The fast paths (runtime/mon.c: Enter by one compare-and-swap, Pulse
	 * without the record's lock when nobody waits, internal calls called
	 * directly) must still refuse what Mono refuses, and a Pulse with
	 * nobody waiting must not be remembered by a later Wait. */
	static void Misuse()
	{
		var o = new object();
		Try("Pulse never locked", () => Monitor.Pulse(o));
		Try("PulseAll never locked", () => Monitor.PulseAll(o));
		lock (o) { }
		Try("Pulse after release", () => Monitor.Pulse(o));
		Try("Wait not held", () => Monitor.Wait(o, 1));
		Try("Exit null", () => Monitor.Exit(null));
		Try("Enter null", () => Monitor.Enter(null));
		Try("TryEnter null", () => Monitor.TryEnter(null));
		Try("Pulse null", () => Monitor.Pulse(null));
		bool taken = true;
		Try("Enter taken", () => Monitor.Enter(o, ref taken));
		lock (o) {
			Monitor.Pulse(o);
			Console.WriteLine("Wait after a lone Pulse: " + Monitor.Wait(o, 20));
		}
		var other = new Thread(() => Try("Pulse by another thread", () => Monitor.Pulse(o)));
		lock (o) {
			other.Start();
			other.Join();
			Console.WriteLine("still held: " + Monitor.IsEntered(o));
		}
	}
}
