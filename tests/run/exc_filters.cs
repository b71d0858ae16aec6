// Exception filters (`catch ... when`) in the CLI's two-pass order: every
// filter on the way runs before any finally block does, a filter sees
// the locals and arguments of its method as they are at the throw, an
// inner catch that takes the exception keeps outer filters from running,
// and exceptions thrown and caught inside a filter stay there. (What
// escapes a filter is swallowed by the CLI rule and replaces the exception
// under mono: il_eh covers it without printing which.)
using System;

class CodeException : Exception {
	public int Code;
	public CodeException(int code) : base("code " + code) { Code = code; }
}

class Boom {
	public static int Value;
	static Boom() { throw new CodeException(99); }
}

struct Counter {
	public int Hits;

	public int Guard(int code)
	{
		try {
			throw new CodeException(code);
		} catch (CodeException e) when (++Hits > 0 && e.Code == code) {
			return Hits;
		}
	}
}

static class Filters {
	static void Log(string s) { Console.WriteLine(s); }

	static bool Say(string s, bool answer)
	{
		Log("filter: " + s + " -> " + answer);
		return answer;
	}

	static void Thrower(int code)
	{
		try {
			throw new CodeException(code);
		} finally {
			Log("finally in thrower " + code);
		}
	}

	static void Order()
	{
		try {
			try {
				Thrower(1);
			} finally {
				Log("middle finally");
			}
		} catch (CodeException e) when (Say("order sees code " + e.Code, true)) {
			Log("order handler");
		}
	}

	static void InnerCatchWins()
	{
		try {
			try {
				Thrower(2);
			} catch (CodeException) {
				Log("inner catch took it");
			}
		} catch (Exception) when (Say("outer filter (must not run)", true)) {
			Log("wrong handler");
		}
	}

	static void Declined()
	{
		try {
			try {
				Thrower(3);
			} catch (CodeException e) when (Say("inner declines " + e.Code, false)) {
				Log("wrong handler");
			} finally {
				Log("declined finally");
			}
		} catch (CodeException e) when (Say("outer accepts " + e.Code, true)) {
			Log("outer handler " + e.Code);
		}
	}

	static bool CatchesInside(Exception e)
	{
		try {
			throw new FormatException("inside the filter");
		} catch (FormatException f) {
			Log("filter caught its own " + f.Message);
		}
		return true;
	}

	static void NestedInFilter()
	{
		try {
			Thrower(5);
		} catch (CodeException e) when (CatchesInside(e)) {
			Log("handler after nested exception, code " + e.Code);
		}
	}

	static void LocalsAtThrow(int arg)
	{
		int step = 0;
		try {
			step = 1;
			arg += 10;
			try {
				step = 2;
				throw new CodeException(6);
			} finally {
				step = 3;
			}
		} catch (CodeException) when (Say("step " + step + " arg " + arg, true)) {
			Log("handler sees step " + step);
		}
	}

	static int Recursive(int depth)
	{
		try {
			if (depth == 0)
				throw new CodeException(7);
			return Recursive(depth - 1);
		} catch (CodeException e) when (Say("depth " + depth, depth == 2)) {
			Log("caught at depth " + depth);
			return e.Code;
		} finally {
			Log("finally at depth " + depth);
		}
	}

	static void Rethrown()
	{
		try {
			try {
				Thrower(8);
			} catch (CodeException e) when (Say("first look " + e.Code, true)) {
				Log("rethrowing");
				throw;
			}
		} catch (CodeException e) when (Say("second look " + e.Code, true)) {
			Log("caught rethrown " + e.Code);
		}
	}

	static void StaticConstructor()
	{
		try {
			Boom.Value = 1;
		} catch (Exception e) when (Say("cctor: " + e.GetType().Name, true)) {
			Log("inner: " + e.InnerException.GetType().Name);
		}
	}

	static T Generic<T>(T fallback, Func<T> make)
	{
		try {
			return make();
		} catch (Exception e) when (e is CodeException && Say("generic " + typeof(T).Name, true)) {
			return fallback;
		}
	}

	static void Loop()
	{
		int caught = 0;
		for (int i = 0; i < 5; i++) {
			try {
				if (i % 2 == 0)
					throw new CodeException(i);
			} catch (CodeException e) when (e.Code != 2) {
				caught += e.Code + 1;
			} catch (CodeException) {
				caught += 100;
			}
		}
		Log("loop caught " + caught);
	}

	static void Unfiltered()
	{
		try {
			try {
				throw new ArgumentException("arg");
			} catch (CodeException) when (Say("wrong type never filtered", true)) {
				Log("wrong handler");
			}
		} catch (ArgumentException e) when (e.Message == "arg") {
			Log("argument exception by filter");
		}
	}

	static int Main()
	{
		Order();
		InnerCatchWins();
		Declined();
		NestedInFilter();
		LocalsAtThrow(1);
		Log("recursive returns " + Recursive(4));
		Rethrown();
		StaticConstructor();
		Log("generic " + Generic(42, () => { throw new CodeException(9); }));
		Log("generic " + Generic("s", () => "made"));
		Loop();
		Unfiltered();
		var c = new Counter();
		Log("struct guard " + c.Guard(3) + " hits " + c.Hits);
		return 3;
	}
}
