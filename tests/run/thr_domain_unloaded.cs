// An AppDomainUnloadedException that escapes a pool work item is dropped
// and the pool goes on, as in Mono (mono/tests appdomain-unload-exception);
// one that escapes a thread the program started raises no
// UnhandledException event, prints only Mono's fatal error line and ends
// the process with Environment.ExitCode (here 3), not 1. Other exceptions
// are reported as before (thr_unhandled).
using System;
using System.Threading;

class Test {
	static int Main()
	{
		AppDomain.CurrentDomain.UnhandledException += (s, e) => Console.WriteLine("event raised");
		var done = new ManualResetEvent(false);
		ThreadPool.QueueUserWorkItem(_ => {
			try { throw new AppDomainUnloadedException(); } finally { done.Set(); }
		});
		Console.WriteLine("pool item: {0}", done.WaitOne(5000));
		Thread.Sleep(200);
		var again = new ManualResetEvent(false);
		ThreadPool.QueueUserWorkItem(_ => again.Set());
		Console.WriteLine("pool still works: {0}", again.WaitOne(5000));
		Environment.ExitCode = 3;
		var t = new Thread(() => { Console.WriteLine("thread runs"); throw new AppDomainUnloadedException(); });
		t.Start();
		t.Join();
		Thread.Sleep(1000);
		Console.WriteLine("not reached");
		return 0;
	}
}
