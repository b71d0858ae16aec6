// Wake-ups that must not be lost: a ring of threads passing a token
// through AutoResetEvents; threads blocked in WaitAny and WaitAll released
// by another thread; an auto-reset event set once for two blocked threads
// releases one, set again the other; timeouts of WaitOne, WaitAny, WaitAll
// and Monitor.Wait; Pulse wakes one of several waiters, PulseAll the rest;
// SemaphoreSlim and ManualResetEventSlim between threads.
using System;
using System.Threading;

class ThrWaits {
	static void Ring()
	{
		const int n = 24;
		var turn = new AutoResetEvent[n];
		for (int i = 0; i < n; i++)
			turn[i] = new AutoResetEvent(false);
		var done = new ManualResetEvent(false);
		int token = 2000, last = -1;
		var ts = new Thread[n];
		for (int i = 0; i < n; i++) {
			int id = i;
			ts[i] = new Thread(() => {
				for (;;) {
					turn[id].WaitOne();
					if (token < 0)
						return;
					if (token == 0) {
						last = id;
						token = -1;
						done.Set();
						return;
					}
					token--;
					turn[(id + 1) % n].Set();
				}
			});
			ts[i].Start();
		}
		turn[0].Set();
		done.WaitOne();
		for (int i = 0; i < n; i++)
			if (i != last)
				turn[i].Set();
		foreach (var t in ts)
			t.Join();
		Out.L("ring ended at", last);
	}

	// Blocks until the thread shows WaitSleepJoin (no clock involved).
	static void Blocked(Thread t)
	{
		while ((t.ThreadState & ThreadState.WaitSleepJoin) == 0)
			Thread.Sleep(1);
	}

	static void AnyAndAll()
	{
		var h = new WaitHandle[] { new AutoResetEvent(false), new ManualResetEvent(false),
					   new AutoResetEvent(false) };
		int any = -1;
		var t = new Thread(() => any = WaitHandle.WaitAny(h));
		t.Start();
		Blocked(t);
		((EventWaitHandle)h[2]).Set();
		t.Join();
		Out.L("WaitAny released by", any);
		Out.L("taken", h[2].WaitOne(0));

		bool all = false;
		t = new Thread(() => all = WaitHandle.WaitAll(h));
		t.Start();
		Blocked(t);
		((EventWaitHandle)h[0]).Set();
		((EventWaitHandle)h[1]).Set();
		Thread.Sleep(20);
		Out.L("WaitAll waits for the last", t.IsAlive);
		((EventWaitHandle)h[2]).Set();
		t.Join();
		Out.L("WaitAll released", all);
		Out.L("auto ones taken", h[0].WaitOne(0) || h[2].WaitOne(0));
		Out.L("manual one kept", h[1].WaitOne(0));
	}

	static void OneSetOneWaiter()
	{
		var e = new AutoResetEvent(false);
		int woken = 0;
		var a = new Thread(() => { e.WaitOne(); Interlocked.Increment(ref woken); });
		var b = new Thread(() => { e.WaitOne(); Interlocked.Increment(ref woken); });
		a.Start(); b.Start();
		Blocked(a); Blocked(b);
		e.Set();
		while (Volatile.Read(ref woken) == 0)
			Thread.Sleep(1);
		Thread.Sleep(20);
		Out.L("one Set, woken", Volatile.Read(ref woken));
		e.Set();
		a.Join(); b.Join();
		Out.L("two Sets, woken", woken);
	}

	static void Timeouts()
	{
		var e = new AutoResetEvent(false);
		var m = new ManualResetEvent(false);
		Out.L("WaitOne", e.WaitOne(15));
		Out.L("WaitAny", WaitHandle.WaitAny(new WaitHandle[] { e, m }, 15));
		Out.L("WaitAll", WaitHandle.WaitAll(new WaitHandle[] { e, m }, 15));
		var gate = new object();
		lock (gate)
			Out.L("Monitor.Wait", Monitor.Wait(gate, 15));
		var t = new Thread(() => { Thread.Sleep(10); e.Set(); });
		t.Start();
		Out.L("set before the timeout", e.WaitOne(10000));
		t.Join();
	}

	static void PulseOne()
	{
		var gate = new object();
		var first = new ManualResetEvent(false);
		int waiting = 0, woken = 0;
		var ts = new Thread[3];
		for (int i = 0; i < ts.Length; i++) {
			ts[i] = new Thread(() => {
				lock (gate) {
					waiting++;
					Monitor.Wait(gate);
					woken++;
				}
				first.Set();
			});
			ts[i].Start();
		}
		lock (gate) {
			while (waiting < 3) {
				Monitor.Exit(gate);
				Thread.Sleep(1);
				Monitor.Enter(gate);
			}
			Monitor.Pulse(gate);
		}
		first.WaitOne();
		Thread.Sleep(20);
		lock (gate) {
			Out.L("after Pulse, woken", woken);
			Monitor.PulseAll(gate);
		}
		foreach (var t in ts)
			t.Join();
		Out.L("after PulseAll, woken", woken);
	}

	static void Slim()
	{
		var sem = new SemaphoreSlim(0);
		var mres = new ManualResetEventSlim(false);
		long sum = 0;
		var t = new Thread(() => {
			for (int i = 1; i <= 500; i++) {
				sem.Wait();
				sum += i;
			}
			mres.Set();
		});
		t.Start();
		for (int i = 0; i < 500; i++)
			sem.Release();
		mres.Wait();
		t.Join();
		Out.L("semaphore passes", sum);
	}

	static void Main()
	{
		Ring();
		AnyAndAll();
		OneSetOneWaiter();
		Timeouts();
		PulseOne();
		Slim();
	}
}
