// Expression trees as Roslyn compiles them (Expression.Compile interprets
// them: src/emit/expr.c): Roslyn leaves decimal's operators for
// System.Core to find by reflection and writes `new X()` as
// Expression.New(typeof(X)), where mcs names the methods itself
// (tests/run/expr_trees covers the rest).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;


class Account
{
	public decimal Balance { get; set; }
	public List<string> Log { get; } = new();
}

static class ExprTrees
{
	static void Main()
	{
		Expression<Func<decimal, decimal, decimal>> interest = (b, r) => b * r / 100m + 0.5m;
		Console.WriteLine("decimal: " + interest.Compile()(1200m, 2.5m));
		Expression<Func<decimal, bool>> big = b => b > 1000m && -b < 0m;
		Console.WriteLine("decimal compare: " + big.Compile()(1500m));
		Expression<Func<List<string>>> list = () => new List<string> { "a", "b" };
		Console.WriteLine("new List: " + string.Join(",", list.Compile()()));
		Expression<Func<decimal, Account>> open = d => new Account { Balance = d * 2 };
		Console.WriteLine("member init: " + open.Compile()(21m).Balance);
		var rate = 3;
		Expression<Func<int[], int>> sum = xs => xs.Where(x => x % rate == 0).Sum(x => x * rate);
		Console.WriteLine("closure and linq: " + sum.Compile()(Enumerable.Range(1, 10).ToArray()));
		Expression<Func<int?, string>> show = n => n == null ? "none" : $"{n:D3}";
		Console.WriteLine("interpolation: " + show.Compile()(7) + " " + show.Compile()(null));
	}
}
