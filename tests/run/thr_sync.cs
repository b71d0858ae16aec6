// Synchronisation between threads: a lock with Monitor.Wait/Pulse
// (producer-consumer), ManualResetEvent and AutoResetEvent signalling,
// waits with timeouts, Mutex, SemaphoreSlim and Interlocked, WaitAny and
// WaitAll.
using System;
using System.Collections.Generic;
using System.Threading;

class ThrSync {
	static readonly object gate = new object();
	static readonly Queue<int> queue = new Queue<int>();
	static bool finished;

	static void Producer()
	{
		for (int i = 1; i <= 1000; i++) {
			lock (gate) {
				while (queue.Count >= 10)
					Monitor.Wait(gate);
				queue.Enqueue(i);
				Monitor.PulseAll(gate);
			}
		}
		lock (gate) {
			finished = true;
			Monitor.PulseAll(gate);
		}
	}

	static long Consume()
	{
		long sum = 0;
		for (;;) {
			lock (gate) {
				while (queue.Count == 0 && !finished)
					Monitor.Wait(gate);
				if (queue.Count == 0)
					return sum;
				sum += queue.Dequeue();
				Monitor.PulseAll(gate);
			}
		}
	}

	static void ProducerConsumer()
	{
		long a = 0, b = 0;
		var p = new Thread(Producer);
		var c1 = new Thread(() => a = Consume());
		var c2 = new Thread(() => b = Consume());
		c1.Start(); c2.Start(); p.Start();
		p.Join(); c1.Join(); c2.Join();
		Out.L("consumed", a + b);
	}

	static void Events()
	{
		var go = new ManualResetEvent(false);
		var done = new AutoResetEvent(false);
		int count = 0;
		var ts = new Thread[4];
		for (int i = 0; i < ts.Length; i++) {
			ts[i] = new Thread(() => {
				go.WaitOne();
				Interlocked.Increment(ref count);
				done.Set();
			});
			ts[i].Start();
		}
		Out.L("before go", Volatile.Read(ref count));
		Out.L("not yet", go.WaitOne(0));
		go.Set();
		foreach (var t in ts)
			t.Join();
		Out.L("after go", count);
		Out.L("auto once", done.WaitOne(0));
		Out.L("auto reset", done.WaitOne(10));
		Out.L("manual stays", go.WaitOne(0) && go.WaitOne(0));
		go.Reset();
		Out.L("manual reset", go.WaitOne(20));

		var t2 = new Thread(() => { Thread.Sleep(50); done.Set(); });
		t2.Start();
		Out.L("signalled later", done.WaitOne(5000));
		t2.Join();
		go.Dispose();
		done.Close();
	}

	static void Mutexes()
	{
		var m = new Mutex(true);
		int inside = 0;
		var t = new Thread(() => {
			m.WaitOne();
			inside = 1;
			m.ReleaseMutex();
		});
		t.Start();
		Thread.Sleep(50);
		Out.L("held", inside);
		m.ReleaseMutex();
		t.Join();
		Out.L("released", inside);
		try {
			m.ReleaseMutex();
		} catch (ApplicationException e) {
			Out.L("not owner", e.GetType().Name);
		}
	}

	static void Semaphores()
	{
		var sem = new SemaphoreSlim(2);
		int now = 0, peak = 0;
		var ts = new Thread[6];
		for (int i = 0; i < ts.Length; i++) {
			ts[i] = new Thread(() => {
				sem.Wait();
				int n = Interlocked.Increment(ref now);
				lock (gate)
					peak = Math.Max(peak, n);
				Thread.Sleep(10);
				Interlocked.Decrement(ref now);
				sem.Release();
			});
			ts[i].Start();
		}
		foreach (var t in ts)
			t.Join();
		Out.L("peak within limit", peak >= 1 && peak <= 2);
		Out.L("count", sem.CurrentCount);
	}

	// WaitAny gives the index of a signalled handle; WaitAll times out
	// while one is not
	static void WaitMany()
	{
		var a = new ManualResetEvent(false);
		var b = new ManualResetEvent(true);
		Out.L("WaitAny " + WaitHandle.WaitAny(new WaitHandle[] { a, b }, 100));
		Out.L("WaitAll " + WaitHandle.WaitAll(new WaitHandle[] { a, b }, 50));
		a.Set();
		Out.L("WaitAll after Set " + WaitHandle.WaitAll(new WaitHandle[] { a, b }, 1000));
	}

	static void Main()
	{
		ProducerConsumer();
		Events();
		Mutexes();
		Semaphores();
		WaitMany();
	}
}
