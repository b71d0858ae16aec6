// finally blocks run on every way out of a try: normal exit, return,
// break, continue, goto out of nested tries, and exceptions; try blocks
// nested inside catch and finally handlers.
using System;

static class ExcFinally {
	static int trace;

	static void Step(int n)
	{
		trace = trace * 10 + n;
		Out.L("step", n);
	}

	static int ReturnFromTry()
	{
		int x = 2;
		try {
			return x;
		} finally {
			x = 3;
			Step(1);
		}
	}

	static int ReturnFromNested()
	{
		try {
			try {
				return 10;
			} finally {
				Step(2);
			}
		} finally {
			Step(3);
		}
	}

	static void Loops()
	{
		int sum = 0;
		for (int i = 0; i < 6; i++) {
			try {
				if (i == 1)
					continue;
				if (i == 4)
					break;
				sum += i;
			} finally {
				sum += 100;
			}
		}
		Out.L("loop sum", sum);
	}

	static void GotoOut()
	{
		int i = 0;
	again:
		try {
			try {
				i++;
				if (i < 3)
					goto again;
				goto done;
			} finally {
				Out.L("inner finally", i);
			}
		} finally {
			Out.L("outer finally", i);
		}
	done:
		Out.L("done", i);
	}

	static void ThrowThroughFinally()
	{
		try {
			try {
				throw new InvalidOperationException();
			} finally {
				Step(4);
			}
		} catch (InvalidOperationException) {
			Step(5);
		} finally {
			Step(6);
		}
	}

	static void TryInCatch()
	{
		try {
			throw new ArgumentException();
		} catch (ArgumentException) {
			try {
				throw new FormatException();
			} catch (FormatException) {
				Step(7);
			} finally {
				Step(8);
			}
		}
	}

	static void TryInFinally()
	{
		try {
			try {
				throw new NotSupportedException();
			} finally {
				try {
					throw new FormatException();
				} catch (FormatException) {
					Step(9);
				}
			}
		} catch (NotSupportedException) {
			Out.L("original exception survives");
		}
	}

	static void FinallyReplaces()
	{
		try {
			try {
				throw new ArgumentException();
			} finally {
				throw new FormatException();
			}
		} catch (FormatException) {
			Out.L("finally's exception wins");
		}
	}

	static int Main()
	{
		Out.L("ReturnFromTry", ReturnFromTry());
		Out.L("ReturnFromNested", ReturnFromNested());
		Loops();
		GotoOut();
		ThrowThroughFinally();
		TryInCatch();
		TryInFinally();
		FinallyReplaces();
		Out.L("trace", trace);
		return (int)(trace % 100);
	}
}
