// A catch that only reads the exception's fields does not save its stack
// trace when the exception is new and its constructors kept it to
// themselves: nothing else can read the trace. Every way the exception can
// be seen elsewhere must still find the trace: a constructor storing `this`
// (directly, through a virtual call, as another method's argument), an
// exception thrown from a variable, a rethrow, a filter. Also the
// SerializeObjectState event, whose manager Exception now makes on demand.
// Each trace is read after another exception has been thrown, so that it
// must have been saved at the catch.
using System;

class Plain : Exception {
	public int Value;
	public Plain(int value) { Value = value; }
}

class Leaky : Exception {
	public static Leaky Last;
	public int Value;
	public Leaky(int value) { Value = value; Last = this; }
}

class Hooked : Exception {
	public int Value;
	public Hooked(int value) { Value = value; Register(); }
	protected virtual void Register() { }
}

class HookedLeaky : Hooked {
	public static Hooked Last;
	public HookedLeaky(int value) : base(value) { }
	protected override void Register() { Last = this; }
}

class Passed : Exception {
	public static Exception Last;
	public int Value;
	public Passed(int value) { Value = value; Keep(this); }
	static void Keep(Exception e) { Last = e; }
}

class Serial : Exception {
	public Serial()
	{
		SerializeObjectState += Handler;
		SerializeObjectState -= Handler;
	}

	static void Handler(object sender, System.Runtime.Serialization.SafeSerializationEventArgs e) { }
}

static class ExcLocal {
	static Exception saved;

	static bool Has(string trace, string name)
	{
		return trace != null && trace.Contains(name);
	}

	static void Another()
	{
		try {
			throw new InvalidOperationException();
		} catch (InvalidOperationException) {
		}
	}

	static void ThrowPlain(int v) { throw new Plain(v); }
	static void ThrowLeaky(int v) { throw new Leaky(v); }
	static void ThrowHooked(int v) { throw new HookedLeaky(v); }
	static void ThrowPassed(int v) { throw new Passed(v); }

	static void ThrowSaved(int v)
	{
		Plain p = new Plain(v);
		saved = p;
		throw p;
	}

	/* another exception comes and goes before the rethrow */
	static int RethrowsLater(int v)
	{
		try {
			ThrowPlain(v);
		} catch (Plain e) {
			Another();
			if (e.Value > 0)
				throw;
		}
		return 0;
	}

	static int Rethrows(int v)
	{
		try {
			ThrowPlain(v);
		} catch (Plain e) {
			if (e.Value > 0)
				throw;
		}
		return 0;
	}

	static int Main()
	{
		int sum = 0;
		for (int i = 1; i <= 3; i++) {
			try {
				ThrowPlain(i);
			} catch (Plain e) {
				sum += e.Value;
			}
			try {
				ThrowPlain(i);
			} catch (Plain) {
				sum += 10;
			}
		}
		Out.L("plain", sum);

		try {
			ThrowLeaky(4);
		} catch (Leaky e) {
			Out.L("leaky", e.Value);
		}
		Another();
		Out.L("leaky trace", Has(Leaky.Last.StackTrace, "ThrowLeaky"));

		try {
			ThrowHooked(5);
		} catch (Hooked e) {
			Out.L("hooked", e.Value);
		}
		Another();
		Out.L("hooked trace", Has(HookedLeaky.Last.StackTrace, "ThrowHooked"));

		try {
			ThrowPassed(6);
		} catch (Passed e) {
			Out.L("passed", e.Value);
		}
		Another();
		Out.L("passed trace", Has(Passed.Last.StackTrace, "ThrowPassed"));

		try {
			ThrowSaved(7);
		} catch (Plain e) {
			Out.L("saved", e.Value);
		}
		Another();
		Out.L("saved trace", Has(saved.StackTrace, "ThrowSaved"));

		try {
			Rethrows(8);
		} catch (Plain e) {
			Out.L("rethrown", e.Value);
			Another();
			Out.L("rethrown trace", Has(e.StackTrace, "ThrowPlain") && Has(e.StackTrace, "Rethrows"));
		}

		try {
			RethrowsLater(10);
		} catch (Plain e) {
			Out.L("rethrown later trace", Has(e.StackTrace, "ThrowPlain") && Has(e.StackTrace, "RethrowsLater"));
		}

		try {
			ThrowPlain(9);
		} catch (Plain e) when (e.Value == 9) {
			Another();
			Out.L("filtered trace", Has(e.StackTrace, "ThrowPlain"));
		}

		try {
			throw new Serial();
		} catch (Serial e) {
			Out.L("serial", e.Message != null);
		}
		return 0;
	}
}
