// Console.CancelKeyPress on SIGINT (needs a terminal: Mono's console
// driver handles the signal only then). The program sends itself SIGINT
// with kill(1): the first handler call cancels, the second does not, and
// the process ends with Mono's status 58.
using System;
using System.Diagnostics;
using System.Threading;

class P
{
	static int calls;
	static ManualResetEvent seen = new ManualResetEvent(false);

	static void Interrupt()
	{
		var p = Process.Start("kill", "-INT " + Process.GetCurrentProcess().Id);
		p.WaitForExit();
	}

	static void Main()
	{
		Console.CancelKeyPress += (s, e) => {
			calls++;
			Console.WriteLine("cancel " + calls + ": " + e.SpecialKey + " cancel=" + e.Cancel + " sender=" + (s == null));
			e.Cancel = calls == 1;
			seen.Set();
		};
		Interrupt();
		Console.WriteLine("signalled: " + seen.WaitOne(20000));
		seen.Reset();
		Interrupt();
		seen.WaitOne(20000);
		Thread.Sleep(20000);
		Console.WriteLine("not reached");
	}
}
