// System.Diagnostics.Trace and Debug through listeners (the default one logs
// nowhere: no debugger is attached), indentation, categories, a Debug.Assert
// that holds. TraceInformation is left out: it names the program, which is
// "NAME.exe" under Mono and NAME here.
#define TRACE
#define DEBUG
using System;
using System.Diagnostics;
class P {
	static int Main() {
		Trace.Listeners.Clear();
		Trace.Listeners.Add(new TextWriterTraceListener(Console.Out));
		Trace.AutoFlush = true;
		Trace.WriteLine("trace line");
		Trace.Indent();
		Trace.WriteLine("indented", "category");
		Trace.Unindent();
		Debug.WriteLine("debug line");
		Debug.Assert(true, "never");
		var sw = Stopwatch.StartNew();
		Console.WriteLine("stopwatch running: " + sw.IsRunning);
		return 0;
	}
}
