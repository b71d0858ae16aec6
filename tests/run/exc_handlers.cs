// Exception handlers as C# emits them: catch by type (most derived first),
// catch-all, `when` filters (true, false, throwing), rethrow with `throw;`,
// a new exception thrown from a catch, and exceptions crossing many frames.
using System;

class AppError : Exception {
	public int Code;
	public AppError(int code) { Code = code; }
}

class NotFound : AppError {
	public string Key;
	public NotFound(string key) : base(404) { Key = key; }
}

static class ExcHandlers {
	static int filterCalls;

	static void Thrower(int kind)
	{
		switch (kind) {
		case 0: throw new NotFound("alpha");
		case 1: throw new AppError(500);
		case 2: throw new InvalidOperationException();
		case 3: throw new ArgumentException();
		}
	}

	static void ByType(int kind)
	{
		try {
			Thrower(kind);
			Out.L("no throw");
		} catch (NotFound e) {
			Out.L("NotFound", e.Key);
		} catch (AppError e) {
			Out.L("AppError", e.Code);
		} catch (InvalidOperationException) {
			Out.L("InvalidOperation");
		} catch {
			Out.L("catch-all");
		}
	}

	static bool Log(string what, bool result)
	{
		filterCalls++;
		Out.L("filter", what);
		return result;
	}

	static bool Boom() { filterCalls++; throw new InvalidOperationException(); }

	static void Filters(int code)
	{
		try {
			try {
				throw new AppError(code);
			} catch (AppError e) when (Log("small", e.Code < 10)) {
				Out.L("small code", e.Code);
			} catch (AppError e) when (e.Code == 42) {
				Out.L("exactly", e.Code);
			} catch (AppError e) when (Log("large", e.Code >= 100)) {
				Out.L("large code", e.Code);
			}
		} catch (AppError e) {
			Out.L("outer got", e.Code);
		}
	}

	// A throwing filter does not select its handler; which exception then
	// reaches the outer catch-all differs between mono and ECMA.
	static void ThrowingFilter()
	{
		try {
			try {
				throw new AppError(1);
			} catch (AppError) when (Boom()) {
				Out.L("unreachable");
			}
		} catch {
			Out.L("outer catch-all after throwing filter");
		}
	}

	static void Rethrow()
	{
		try {
			try {
				throw new NotFound("beta");
			} catch (AppError e) {
				Out.L("inner sees", e.Code);
				e.Code = 410;
				throw;
			}
		} catch (NotFound e) {
			Out.L("outer sees", e.Key);
			Out.L("with code", e.Code);
		}
	}

	static void Wrap()
	{
		try {
			try {
				Thrower(2);
			} catch (InvalidOperationException e) {
				throw new AppError(7);
			}
		} catch (AppError e) {
			Out.L("wrapped", e.Code);
		}
	}

	static int Deep(int n)
	{
		if (n == 0)
			throw new AppError(-1);
		return Deep(n - 1) + 1;
	}

	static int Main()
	{
		for (int k = 0; k < 5; k++)
			ByType(k);
		Filters(3);
		Filters(42);
		Filters(200);
		Filters(50);
		ThrowingFilter();
		Out.L("filter calls", filterCalls);
		Rethrow();
		Wrap();
		try {
			Out.L("deep", Deep(200));
		} catch (AppError e) {
			Out.L("deep caught", e.Code);
		}
		Exception x = null;
		try {
			throw new NotFound("gamma");
		} catch (Exception e) {
			x = e;
		}
		Out.L("is AppError", x is AppError);
		Out.L("exact type", x.GetType() == typeof(NotFound));
		return filterCalls;
	}
}
