// Environment.ExitCode is read when the process ends, after the
// foreground threads: Main's int result sets it first, a thread still
// running may change it (as in Mono; mono/tests main-returns).
using System;
using System.Threading;

class ExitCodeTest {
	static int Main()
	{
		Thread t = new Thread(() => {
			Thread.Sleep(200);
			Console.WriteLine("thread sees " + Environment.ExitCode);
			Environment.ExitCode = 7;
		});
		t.Start();
		Console.WriteLine("Main returns 5");
		return 5;
	}
}
