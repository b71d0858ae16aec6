// Closures: lambdas and anonymous methods capturing locals, parameters and
// this; captured variables shared between closures and with the enclosing
// method; a fresh variable per loop iteration versus one shared variable;
// nested closures; closures in generic methods; recursion through a
// captured delegate; closures kept alive after their method returned.
using System;

class Account {
	int balance;
	public Account(int b) { balance = b; }
	public Func<int, int> Depositor() { return amount => balance += amount; }
	public Action Reporter(string name) { return delegate { Out.L(name, balance); }; }
}

static class Closures {
	static Func<int> MakeCounter(int start, int step)
	{
		int n = start;
		return () => { n += step; return n; };
	}

	static Func<T, T> Repeat<T>(Func<T, T> f, int times)
	{
		return x => {
			for (int i = 0; i < times; i++) x = f(x);
			return x;
		};
	}

	static Func<int, Func<int, int>> Adder() { return a => b => a + b; }

	static void Run(Action a) { a(); }

	static int Main()
	{
		Func<int> c1 = MakeCounter(0, 1), c2 = MakeCounter(100, 10);
		c1(); c1();
		Out.L("c1", c1());
		Out.L("c2", c2());
		Out.L("c1 again", c1());

		int shared = 0;
		Action inc = () => shared++;
		Func<int> read = () => shared;
		inc(); inc();
		shared += 10;
		inc();
		Out.L("shared read", read());
		Out.L("shared local", shared);

		Func<int>[] perIter = new Func<int>[4];
		for (int i = 0; i < perIter.Length; i++) {
			int copy = i * i;
			perIter[i] = () => copy;
		}
		Func<int>[] oneVar = new Func<int>[4];
		int k;
		for (k = 0; k < oneVar.Length; k++)
			oneVar[k] = () => k;
		for (int i = 0; i < 4; i++) {
			Out.S("iter "); Out.I(perIter[i]()); Out.S(" shared "); Out.I(oneVar[i]()); Out.L();
		}
		string[] words = { "a", "b", "c" };
		Func<string>[] fe = new Func<string>[3];
		int idx = 0;
		foreach (string w in words) {
			string ww = w;
			fe[idx++] = () => ww + ww;
		}
		Out.L(fe[0]() + fe[1]() + fe[2]());

		Account acct = new Account(50);
		Func<int, int> dep = acct.Depositor();
		Action rep = acct.Reporter("balance");
		dep(25);
		rep();
		Out.L("deposit returns", dep(-5));

		Out.L("repeat int", Repeat<int>(x => x * 2, 10)(1));
		Out.L("repeat string", Repeat<string>(s => s + "-", 3)("x"));
		Out.L("curried", Adder()(30)(12));

		Func<int, int> fact = null;
		fact = n => n <= 1 ? 1 : n * fact(n - 1);
		Out.L("fact", fact(10));

		int outer = 1;
		Func<Func<int>> nest = () => {
			int inner = 10;
			return () => outer * 100 + inner++;
		};
		Func<int> got = nest();
		outer = 2;
		got();
		Out.L("nested", got());

		string msg = "start";
		Run(delegate { msg += "+anon"; });
		Run(() => msg += "+lambda");
		Out.L(msg);
		Predicate<int> even = delegate (int x) { return x % 2 == 0; };
		Converter<int, string> conv = x => x > 0 ? "pos" : "nonpos";
		Out.L("predicate", even(4) && !even(3));
		Out.L("converter", conv(3) + conv(-3));
		return c1() + shared;
	}
}
