// Thread.Interrupt: a thread asleep (for ever, or for long) wakes with
// ThreadInterruptedException; one interrupted before it sleeps throws at
// its next Sleep; Join is interrupted too; an interrupt a thread never
// waits after is not seen.
using System;
using System.Threading;

static class ThrInterrupt {
	static volatile bool go;

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

	static int Main() {
		var forever = Run("asleep for ever", () => Thread.Sleep(Timeout.Infinite));
		while ((forever.ThreadState & ThreadState.WaitSleepJoin) == 0)
			Thread.Sleep(1);
		forever.Interrupt();
		forever.Join();

		var before = Run("interrupted before it sleeps", () => {
			while (!go)
				Thread.Yield();
			Thread.Sleep(60000);
		});
		before.Interrupt();
		go = true;
		before.Join();

		var joiner = Run("joining", () => {
			var other = new Thread(() => Thread.Sleep(60000)) { IsBackground = true };
			other.Start();
			other.Join();
		});
		while ((joiner.ThreadState & ThreadState.WaitSleepJoin) == 0)
			Thread.Sleep(1);
		joiner.Interrupt();
		joiner.Join();

		go = false;
		var busy = Run("never waits", () => { while (!go) Thread.Yield(); });
		busy.Interrupt();
		go = true;
		busy.Join();
		Out.L("state", busy.ThreadState.ToString());
		return 0;
	}
}
