// Expression trees compiled by Expression.Compile (ilcc: interpreted,
// src/emit/expr.c and lib/IlccExpr.cs), compared with Mono's results.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;

delegate int BinOp(int a, int b);

struct V {
	public int A;
	public override string ToString() { return "V" + A; }
	public int Plus(int b) { return A + b; }
}

struct Pt {
	public int X, Y;
	public Pt(int x, int y) { X = x; Y = y; }
	public int Sum { get { return X + Y; } }
}

class Box {
	public int Value;
	public string Name { get; set; }
	public List<int> Items = new List<int>();
	public Box Inner;
	public static int Counter;
	public Box() { }
	public Box(int v) { Value = v; }
	public int Twice() { return Value * 2; }
	public static int Square(int x) { return x * x; }
	public static Box operator +(Box a, Box b) { return new Box(a.Value + b.Value); }
	public override string ToString() { return "Box(" + Value + "," + (Name ?? "-") + ")"; }
}

enum Color { Red, Green, Blue }

class Program {
	static void Show(string what, object v)
	{
		Console.WriteLine(what + ": " + (v == null ? "null" : v.ToString()));
	}

	static void Try(string what, Func<object> f)
	{
		try {
			Show(what, f());
		} catch (Exception e) {
			Console.WriteLine(what + ": " + e.GetType().Name);
		}
	}

	static void Arithmetic()
	{
		Expression<Func<int, int, int>> add = (a, b) => a + b * 2 - a / b % 3;
		Show("int", add.Compile()(17, 4));
		Expression<Func<long, long, long>> l = (a, b) => (a << 3) ^ (b >> 1) | (a & b);
		Show("long", l.Compile()(12345678901L, 77));
		Expression<Func<double, double, double>> d = (a, b) => a * b / 3.0 - -a;
		Show("double", d.Compile()(2.5, 4));
		Expression<Func<float, float>> f = x => x * 1.5f;
		Show("float", f.Compile()(3f));
		Expression<Func<decimal, decimal, decimal>> m = (a, b) => a * b + 0.1m;
		Show("decimal", m.Compile()(1.25m, 3m));
		Expression<Func<uint, uint, uint>> u = (a, b) => a - b;
		Show("uint wrap", u.Compile()(1, 2));
		Expression<Func<int, int, int>> ov = (a, b) => unchecked(a * b);
		Show("int wrap", ov.Compile()(int.MaxValue, 3));
		Expression<Func<int, int, int>> chk = (a, b) => checked(a * b);
		Try("checked int", () => chk.Compile()(int.MaxValue, 3));
		Show("checked ok", chk.Compile()(1000, 3));
		Expression<Func<long, long>> chkl = a => checked(a + long.MaxValue);
		Try("checked long", () => chkl.Compile()(1));
		Expression<Func<int, int>> div = a => 10 / a;
		Try("divide by zero", () => div.Compile()(0));
		Expression<Func<int, int, int>> idiv = (a, b) => a / b;
		Try("MinValue / -1", () => idiv.Compile()(int.MinValue, -1));
		Expression<Func<long, long, long>> lrem = (a, b) => a % b;
		Try("long MinValue % -1", () => lrem.Compile()(long.MinValue, -1));
		Expression<Func<int, int>> neg = a => -a + ~a;
		Show("negate", neg.Compile()(5));
		Expression<Func<byte, byte, int>> bytes = (a, b) => a + b;
		Show("byte add", bytes.Compile()(200, 100));
		Expression<Func<char, int>> ch = c => c + 1;
		Show("char", ch.Compile()('A'));
	}

	static void Comparisons()
	{
		Expression<Func<int, int, bool>> lt = (a, b) => a < b && !(a == b) || a >= 100;
		Show("lt", lt.Compile()(3, 4));
		Show("ge", lt.Compile()(150, 4));
		Expression<Func<double, bool>> nan = x => x == x;
		Show("nan", nan.Compile()(double.NaN));
		Expression<Func<string, string, bool>> s = (a, b) => a == b;
		Show("string eq", s.Compile()("ab", "a" + "b"));
		Expression<Func<object, object, bool>> r = (a, b) => a == b;
		Show("ref eq", r.Compile()(new object(), new object()));
		Expression<Func<bool, bool, bool>> xo = (a, b) => a ^ b;
		Show("xor", xo.Compile()(true, false));
		Expression<Func<Color, bool>> en = c => c == Color.Blue;
		Show("enum eq", en.Compile()(Color.Blue));
		Expression<Func<int, string>> cond = n => n > 0 ? "pos" : n < 0 ? "neg" : "zero";
		var cf = cond.Compile();
		Show("cond", cf(5) + cf(-5) + cf(0));
	}

	static void Nullables()
	{
		Expression<Func<int?, int?, int?>> add = (a, b) => a + b;
		var f = add.Compile();
		Show("null+1", f(null, 1));
		Show("2+3", f(2, 3));
		Expression<Func<int?, int?, bool>> eq = (a, b) => a == b;
		Show("null==null", eq.Compile()(null, null));
		Show("null==1", eq.Compile()(null, 1));
		Expression<Func<int?, bool>> lt = a => a < 5;
		Show("null<5", lt.Compile()(null));
		Expression<Func<int?, int>> co = a => a ?? -1;
		Show("coalesce", co.Compile()(null) + "," + co.Compile()(7));
		Expression<Func<string, int>> len = str => (str ?? "").Length;
		Show("len", len.Compile()(null));
		Expression<Func<int?, int>> val = a => (int)a;
		Try("null to int", () => val.Compile()(null));
		Expression<Func<Box, int>> nre = b => b.Value;
		Try("null member", () => nre.Compile()(null));
	}

	static void Conversions()
	{
		Expression<Func<double, int>> trunc = d => (int)d;
		Show("double to int", trunc.Compile()(-3.99));
		Expression<Func<long, int>> narrow = v => (int)v;
		Show("long to int", narrow.Compile()(0x100000005L));
		Expression<Func<long, int>> cnarrow = v => checked((int)v);
		Try("checked long to int", () => cnarrow.Compile()(0x100000005L));
		Expression<Func<int, Color>> toEnum = v => (Color)v;
		Show("int to enum", toEnum.Compile()(2));
		Expression<Func<Color, int>> fromEnum = c => (int)c + 10;
		Show("enum to int", fromEnum.Compile()(Color.Green));
		Expression<Func<int, object>> boxed = v => v;
		Show("box", boxed.Compile()(42));
		Expression<Func<object, int>> unboxed = o => (int)o;
		Try("bad unbox", () => unboxed.Compile()("x"));
		Show("unbox", unboxed.Compile()(9));
		Expression<Func<object, string>> tas = o => o as string;
		Show("as", tas.Compile()(3) == null);
		Expression<Func<object, bool>> tis = o => o is string;
		Show("is", tis.Compile()("s"));
		Expression<Func<int, double>> wide = v => v / 2.0;
		Show("int to double", wide.Compile()(5));
		Expression<Func<object, string>> cast = o => (string)o;
		Try("bad cast", () => cast.Compile()(1));
	}

	static int fieldTotal = 3;

	static void Members()
	{
		Expression<Func<Box, int>> m = b => b.Value + b.Twice() + Box.Square(b.Value) + b.Name.Length;
		Show("members", m.Compile()(new Box(4) { Name = "abc" }));
		Expression<Func<Pt, int>> pt = p => p.Sum * p.X;
		Show("struct", pt.Compile()(new Pt(2, 5)));
		Expression<Func<int>> st = () => fieldTotal + Box.Counter;
		Box.Counter = 7;
		Show("statics", st.Compile()());
		Expression<Func<Box, Box, Box>> op = (a, b) => a + b;
		Show("operator", op.Compile()(new Box(1), new Box(2)));
		Expression<Func<string, string>> call = s => s.ToUpper().Substring(1) + s.Length;
		Show("string calls", call.Compile()("hello"));
		Expression<Func<Box, string>> thrower = b => b.Inner.Name;
		Try("throws inside", () => thrower.Compile()(new Box()));
		Expression<Func<int, int>> ex = i => int.Parse("x" + i);
		Try("method throws", () => ex.Compile()(1));
	}

	static void Objects()
	{
		Expression<Func<int, Box>> nb = v => new Box(v) { Name = "n" + v, Items = { 1, 2, v } };
		var b = nb.Compile()(5);
		Show("member init", b + " " + string.Join(",", b.Items));
		Expression<Func<Pt>> np = () => new Pt(3, 4);
		Show("new struct", np.Compile()().Sum);
		Expression<Func<int, int[]>> arr = n => new[] { n, n * 2, n * 3 };
		Show("array init", string.Join(",", arr.Compile()(7)));
		Expression<Func<int, string[]>> bounds = n => new string[n];
		Show("array bounds", bounds.Compile()(4).Length);
		Expression<Func<int[], int, int>> idx = (a, i) => a[i] + a.Length;
		Show("array index", idx.Compile()(new[] { 10, 20, 30 }, 1));
		Try("index out of range", () => idx.Compile()(new[] { 1 }, 5));
		Expression<Func<List<string>>> li = () => new List<string> { "a", "b" };
		Show("list init", string.Join("+", li.Compile()()));
		Expression<Func<Dictionary<string, int>>> di = () => new Dictionary<string, int> { { "x", 1 }, { "y", 2 } };
		Show("dict init", di.Compile()()["y"]);
		Expression<Func<List<int>, int>> indexer = l => l[1];
		Show("indexer", indexer.Compile()(new List<int> { 4, 5, 6 }));
		Expression<Func<object>> anon = () => new { A = 1, B = "two" };
		Show("anonymous", anon.Compile()());
	}

	static void Closures()
	{
		int k = 10;
		Expression<Func<int, int>> add = x => x + k;
		var f = add.Compile();
		Show("closure", f(1));
		k = 20;
		Show("closure sees change", f(1));
		Expression<Func<int, Func<int, int>>> curried = a => b => a * 10 + b;
		Show("curried", curried.Compile()(3)(4));
		Expression<Func<int, int>> inv = x => ((Func<int, int>)(y => y * y))(x) + 1;
		Show("invoke lambda", inv.Compile()(6));
		Func<int, int> outer = n => n - 1;
		Expression<Func<int, int>> invd = x => outer(x) * 2;
		Show("invoke delegate", invd.Compile()(6));
		Expression<Func<int, int, int>> two = (a, b) => a - b;
		BinOp custom = Expression.Lambda<BinOp>(two.Body, two.Parameters).Compile();
		Show("custom delegate", custom(9, 4));
		Expression<Action<Box>> act = bx => bx.Items.Add(99);
		var box = new Box();
		act.Compile()(box);
		Show("action", box.Items[0]);
		Expression<Func<IEnumerable<int>, int>> linq = xs => xs.Where(x => x % 2 == 0).Select(x => x * x).Sum();
		Show("linq", linq.Compile()(Enumerable.Range(1, 6)));
		Expression<Func<int[], bool>> any = xs => xs.Any(x => x > k);
		Show("linq closure", any.Compile()(new[] { 5, 25 }));
	}

	static int Apply(Expression<Func<int, int>> f, int v) { return f.Compile()(v); }

	// quoted lambdas (Expression<T> arguments) see the enclosing lambda's variables
	static void Quotes()
	{
		Expression<Func<int, int>> t = x => Apply(y => y + x, 3);
		Show("quote", t.Compile()(10));
		Expression<Func<int, int>> nested = x => Apply(y => Apply(z => z * y + x, 2), 5);
		Show("nested quote", nested.Compile()(1));
	}

	// factorial by a lambda that calls itself through a variable
	static void Statements()
	{
		var n = Expression.Parameter(typeof(int), "n");
		var acc = Expression.Variable(typeof(int), "acc");
		var brk = Expression.Label(typeof(int), "done");
		var loop = Expression.Block(new[] { acc },
			Expression.Assign(acc, Expression.Constant(1)),
			Expression.Loop(
				Expression.IfThenElse(Expression.GreaterThan(n, Expression.Constant(1)),
					Expression.Block(
						Expression.MultiplyAssign(acc, n),
						Expression.PostDecrementAssign(n)),
					Expression.Break(brk, acc)),
				brk));
		var fact = Expression.Lambda<Func<int, int>>(loop, n).Compile();
		Show("loop", fact(10));

		var self = Expression.Variable(typeof(Func<int, int>), "fib");
		var x = Expression.Parameter(typeof(int), "x");
		var fibBody = Expression.Condition(Expression.LessThan(x, Expression.Constant(2)), x,
			Expression.Add(Expression.Invoke(self, Expression.Subtract(x, Expression.Constant(1))),
				       Expression.Invoke(self, Expression.Subtract(x, Expression.Constant(2)))));
		var fib = Expression.Lambda<Func<int>>(
			Expression.Block(new[] { self },
				Expression.Assign(self, Expression.Lambda<Func<int, int>>(fibBody, x)),
				Expression.Invoke(self, Expression.Constant(15))));
		Show("recursion", fib.Compile()());

		var e = Expression.Parameter(typeof(Exception), "e");
		var tc = Expression.Lambda<Func<string>>(
			Expression.TryCatch(
				Expression.Block(Expression.Throw(Expression.New(typeof(InvalidOperationException).GetConstructor(new[] { typeof(string) }),
									     Expression.Constant("bad state"))),
						 Expression.Constant("not here")),
				Expression.Catch(e, Expression.Property(e, typeof(Exception).GetProperty("Message")))));
		Show("try catch", tc.Compile()());
		var thr = Expression.Lambda<Action>(Expression.Throw(Expression.New(typeof(FormatException).GetConstructor(Type.EmptyTypes))));
		Try("throw", () => { thr.Compile()(); return null; });
		var sw = Expression.Parameter(typeof(int), "s");
		var swl = Expression.Lambda<Func<int, string>>(Expression.Switch(sw, Expression.Constant("other"),
			Expression.SwitchCase(Expression.Constant("one"), Expression.Constant(1)),
			Expression.SwitchCase(Expression.Constant("two or three"), Expression.Constant(2), Expression.Constant(3))), sw).Compile();
		Show("switch", swl(1) + "/" + swl(3) + "/" + swl(9));
	}

	static void ValueTypes()
	{
		Expression<Func<int, string>> a = i => i.ToString() + "!";
		Show("int method", a.Compile()(42));
		Expression<Func<int, int, string>> f = (x, y) => string.Format("{0}-{1}", x, y);
		Show("params call", f.Compile()(1, 2));
		Expression<Func<V, int>> v = s => s.Plus(3);
		Show("struct method", v.Compile()(new V { A = 4 }));
		Expression<Func<V, string>> vs = s => s.ToString();
		Show("struct override", vs.Compile()(new V { A = 5 }));
		Expression<Func<int?, int?>> n = q => q.HasValue ? q * 2 : null;
		Show("HasValue", n.Compile()(4) + "," + n.Compile()(null));
		Expression<Func<int?, int>> gv = q => q.GetValueOrDefault() + q.GetValueOrDefault(7);
		Show("GetValueOrDefault", gv.Compile()(null));
		Expression<Func<int?, int>> val = q => q.Value;
		Try("Value of null", () => val.Compile()(null));
		Expression<Func<string, int, char>> ch = (s, i) => s[i];
		Show("string indexer", ch.Compile()("hello", 1));
		Expression<Func<double, double>> m = d => Math.Sqrt(d) + Math.Max(d, 2.0);
		Show("Math", m.Compile()(16));
		Expression<Func<short, short, int>> sh = (p, q) => p * q;
		Show("short", sh.Compile()(300, 300));
		Expression<Func<ulong, ulong>> ul = u => checked(u + 1);
		Try("checked ulong", () => ul.Compile()(ulong.MaxValue));
	}

	static void Untyped()
	{
		Expression<Func<int, int>> sq = v => v * v;
		LambdaExpression le = sq;
		Delegate d = le.Compile();
		Show("LambdaExpression.Compile", d.DynamicInvoke(7));
		Show("delegate type", d.GetType() == typeof(Func<int, int>));
		var p = Expression.Parameter(typeof(int), "p");
		var typed = Expression.Lambda(typeof(Func<int, long>), Expression.Convert(p, typeof(long)), p);
		Show("Lambda(typeof(D), ...)", typed.Compile().DynamicInvoke(5));
		// Func<int, int>: a type the program makes lambdas of
		var untyped = Expression.Lambda(Expression.Multiply(p, p), p);
		Show("Lambda(body, p)", untyped.Compile().DynamicInvoke(6));
	}

	static void Main()
	{
		Arithmetic();
		Comparisons();
		Nullables();
		Conversions();
		Members();
		Objects();
		Closures();
		Quotes();
		Statements();
		ValueTypes();
		Untyped();
	}
}
