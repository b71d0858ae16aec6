// AppDomain.UnhandledException: raised for an exception that ends the main
// thread, a Thread or a pool thread (status 255 there, as Mono); "throwing"
// (a handler that throws) is not a case: Mono names the exception its own way.
using System;
using System.Threading;

class P
{
	static void Handler(object sender, UnhandledExceptionEventArgs e)
	{
		Exception ex = (Exception)e.ExceptionObject;
		Console.WriteLine("handler: " + ex.GetType().Name + ": " + ex.Message
			+ " terminating=" + e.IsTerminating + " sender=" + (sender is AppDomain));
		Console.Out.Flush();
	}

	static int Main(string[] args)
	{
		string how = args.Length > 0 ? args[0] : "main";
		AppDomain.CurrentDomain.UnhandledException += Handler;
		if (how == "main")
			throw new InvalidOperationException("from main");
		if (how == "thread") {
			var t = new Thread(() => { throw new ArgumentException("from thread"); });
			t.Start();
			t.Join();
			Console.WriteLine("not reached");
			return 0;
		}
		if (how == "pool") {
			ThreadPool.QueueUserWorkItem(_ => { throw new FormatException("from pool"); });
			Thread.Sleep(5000);
			Console.WriteLine("not reached");
			return 0;
		}
		if (how == "throwing") {
			AppDomain.CurrentDomain.UnhandledException += (s, e) => { throw new Exception("in handler"); };
			throw new NotSupportedException("from main");
		}
		return 3;
	}
}
