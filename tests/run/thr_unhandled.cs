// An exception escaping a thread other than Main's ends the process with
// Mono's report (on stderr) and status 1, without waiting for Main.
using System;
using System.Threading;

class ThrUnhandled {
	static void Main()
	{
		Out.L("before");
		var t = new Thread(() => { throw new InvalidOperationException("boom"); });
		t.Start();
		t.Join();
		Thread.Sleep(5000);
		Out.L("not reached");
	}
}
