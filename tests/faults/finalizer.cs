// A finalizer that throws ends the process with the unhandled-exception
// report and Mono's status for it, 255.
using System;
using System.Runtime.CompilerServices;

class Doomed {
	~Doomed() { throw new InvalidOperationException("from a finalizer"); }
}

static class Finalizer {
	[MethodImpl(MethodImplOptions.NoInlining)]
	static void Make()
	{
		for (int i = 0; i < 1000; i++)
			new Doomed();
	}

	static void Main()
	{
		Out.L("start");
		Make();
		for (int i = 0; i < 10; i++) {
			GC.Collect();
			GC.WaitForPendingFinalizers();
		}
		Out.L("not reached");
	}
}
