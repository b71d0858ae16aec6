// An exception nobody catches passes handlers for other types on its way
// out; output printed before it is kept and the process exits with a
// failure status.
using System;

class Fatal : Exception {
	public Fatal() { }
}

static class ExcUnhandled {
	static void Work(int depth)
	{
		try {
			if (depth == 0) {
				Out.L("throwing");
				throw new Fatal();
			}
			Work(depth - 1);
		} catch (ArgumentException) {
			Out.L("wrong handler");
		}
	}

	static int Main()
	{
		Out.L("start");
		try {
			Work(5);
		} catch (InvalidCastException) {
			Out.L("wrong handler");
		}
		Out.L("not reached");
		return 0;
	}
}
