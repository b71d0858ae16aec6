// PerformanceCounter without Mono's shared memory: no counter has data,
// but one of Mono's writable predefined categories (ASP.NET, the .NET CLR
// ones) is writable as there: System.Web's HttpRuntime sets "ASP.NET"
// "Requests Queued" in its static constructor, so every HttpUtility
// encoder threw TypeInitializationException before. Other counters are
// read-only or unknown: setting them throws InvalidOperationException.
using System;
using System.Diagnostics;
class SysPerfCounter {
	static void Try(string cat, string counter)
	{
		try {
			var c = new PerformanceCounter(cat, counter);
			c.RawValue = 5;
			Console.WriteLine(cat + "/" + counter + ": set, ReadOnly " + c.ReadOnly + " " + c.CounterName);
		} catch (Exception e) {
			Console.WriteLine(cat + "/" + counter + ": " + e.GetType().Name);
		}
	}
	static void Main()
	{
		Try("ASP.NET", "Requests Queued");
		Try(".NET CLR Exceptions", "# of Exceps Thrown");
		Try("Processor", "% Processor Time");
		Try("No Such Category", "x");
	}
}
