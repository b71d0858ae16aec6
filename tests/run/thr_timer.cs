// System.Threading.Timer through ilcc's substitutions of Mono's
// Timer.Scheduler (src/emit/subst.c): a timer that is never due stays out
// of the scheduler's list until Change gives it a time; a timer changed to
// Infinite or disposed leaves the list at once. Each case waits on an
// event (bounded), never on a time.
using System;
using System.Threading;

class TimerTest {
	static int Wait(ManualResetEvent ev) { return ev.WaitOne(20000) ? 1 : 0; }

	static void Main() {
		var fired = new ManualResetEvent(false);
		using (var t = new Timer(s => ((ManualResetEvent)s).Set(), fired, 5, Timeout.Infinite))
			Console.WriteLine("one-shot fired: " + Wait(fired));

		// made never due, then given a time
		var later = new ManualResetEvent(false);
		var t2 = new Timer(s => later.Set(), null, Timeout.Infinite, Timeout.Infinite);
		Console.WriteLine("change: " + t2.Change(5, Timeout.Infinite));
		Console.WriteLine("given a time, fired: " + Wait(later));

		// due in an hour, cancelled, then due soon
		var again = new ManualResetEvent(false);
		var t3 = new Timer(s => again.Set(), null, 3600000, Timeout.Infinite);
		t3.Change(Timeout.Infinite, Timeout.Infinite);
		t3.Change(5, Timeout.Infinite);
		Console.WriteLine("cancelled and rearmed, fired: " + Wait(again));

		// periodic, three times, then disposed
		int count = 0;
		var three = new ManualResetEvent(false);
		var t4 = new Timer(s => { if (Interlocked.Increment(ref count) == 3) three.Set(); }, null, 1, 2);
		Console.WriteLine("periodic reached 3: " + Wait(three));
		t4.Dispose();
		try {
			t4.Change(5, 5);
		} catch (ObjectDisposedException) {
			Console.WriteLine("change after dispose: ObjectDisposedException");
		}

		// many timers armed and cancelled: each leaves the scheduler
		var timers = new Timer[5000];
		for (int i = 0; i < timers.Length; i++) {
			timers[i] = new Timer(s => { }, null, 3600000 + i, Timeout.Infinite);
			if (i % 2 == 0)
				timers[i].Change(Timeout.Infinite, Timeout.Infinite);
			else
				timers[i].Dispose();
		}
		var last = new ManualResetEvent(false);
		var t5 = new Timer(s => last.Set(), null, 1, Timeout.Infinite);
		Console.WriteLine("after 5000 cancelled, a new timer fired: " + Wait(last));
		t2.Dispose();
		t3.Dispose();
		t5.Dispose();
		Console.WriteLine("done");
	}
}
