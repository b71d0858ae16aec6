// Thread.Interrupt of waits beyond Sleep and Join: WaitOne, WaitAll,
// WaitAny, Monitor.Wait (the monitor is held again when the exception
// comes), a contended Monitor.Enter (lock), SemaphoreSlim.Wait; an
// interrupt pending before a WaitOne; a wait that does not block sees no
// interrupt, which waits for the next blocking wait.
using System;
using System.Threading;

static class ThrInterruptWait {
	static readonly object gate = new object();

	static Thread Run(string name, ThreadStart body) {
		var t = new Thread(() => {
			try {
				body();
				Out.L(name + ": ran to the end");
			} catch (ThreadInterruptedException e) {
				Out.L(name + ": " + e.GetType().Name + ": " + e.Message);
			}
		});
		t.Start();
		return t;
	}

	static void Blocked(Thread t) {
		while ((t.ThreadState & ThreadState.WaitSleepJoin) == 0)
			Thread.Sleep(1);
	}

	static void InterruptBlocked(string name, ThreadStart body) {
		var t = Run(name, body);
		Blocked(t);
		t.Interrupt();
		t.Join();
	}

	static int Main() {
		var ev = new ManualResetEvent(false);
		var auto = new AutoResetEvent(false);
		InterruptBlocked("WaitOne", () => ev.WaitOne());
		InterruptBlocked("WaitOne with a timeout", () => ev.WaitOne(60000));
		InterruptBlocked("WaitAll", () => WaitHandle.WaitAll(new WaitHandle[] { ev, auto }));
		InterruptBlocked("WaitAny", () => WaitHandle.WaitAny(new WaitHandle[] { ev, auto }));
		InterruptBlocked("Monitor.Wait", () => {
			lock (gate) {
				try {
					Monitor.Wait(gate);
				} finally {
					Out.L("  holds the monitor again: " + Monitor.IsEntered(gate));
				}
			}
		});
		Thread w;
		lock (gate) {
			InterruptBlocked("Monitor.Enter", () => { lock (gate) Out.L("  entered"); });
			w = Run("Monitor.Wait, monitor busy", () => {
				lock (gate) Monitor.Wait(gate);
			});
			Monitor.Wait(gate, 50);     // lets it in, to wait
			Blocked(w);
			w.Interrupt();
			Thread.Sleep(20);
			Out.L("main still holds the monitor");
		}
		w.Join();
		var sem = new SemaphoreSlim(0);
		InterruptBlocked("SemaphoreSlim.Wait", () => sem.Wait());

		Run("interrupted before WaitOne", () => {
			Thread.CurrentThread.Interrupt();
			ev.WaitOne();
		}).Join();

		var ready = new ManualResetEvent(true);
		var sat = Run("a satisfied WaitOne", () => {
			Thread.CurrentThread.Interrupt();
			ready.WaitOne(0);
			Out.L("  not thrown by a wait that did not block");
			Thread.Sleep(60000);
		});
		sat.Join();
		return 0;
	}
}
