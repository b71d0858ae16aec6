// Exception.TargetSite: the method that threw, as the first frame of the
// exception's trace (new StackTrace(e) in Mono's IL): a program whose own
// code reads it gets the table of methods, without unwind tables. Mono's
// JIT inlines a small thrower (IL under 20 bytes, no handlers, a direct
// call) and then names its caller: such methods are not tested here.
// Exception.Source, the assembly of that frame's method, the same way.
using System;
class TsThrower {
	public int Depth;
	public void Deep(int n)
	{
		if (n == 0) {
			Depth++;
			Console.WriteLine("throwing at depth " + Depth);
			throw new InvalidOperationException("deep " + Depth);
		}
		Deep(n - 1);
		Depth++;
	}
	public static int Parse(string s) { return int.Parse(s); }
	public virtual void Virt() { Console.WriteLine("virt"); throw new ArgumentException("v"); }
	public int this[int i] { get { Console.WriteLine("idx"); if (i < 0) throw new IndexOutOfRangeException(); return i; } }
}
class TsG<T> {
	public static T Fail(T x) { Console.WriteLine("generic " + x); throw new NotSupportedException(x.ToString()); }
}
struct TsPoint {
	public int X;
	public int Checked() { if (X < 0) throw new ArgumentOutOfRangeException("X", "negative " + X); return X * 2; }
}
class ExcTargetSite {
	static void Show(Exception e)
	{
		var m = e.TargetSite;
		Console.WriteLine(e.GetType().Name + ": " + (m == null ? "null" : m.Name + " in " + (m.DeclaringType == null ? "?" : m.DeclaringType.Name) + " " + m.MemberType));
		ShowSource(e);
	}
	// Exception.Source: the assembly of the method that threw (the
	// program's own is "own": a bundle is another assembly)
	static void ShowSource(Exception e)
	{
		string s = e.Source, own = typeof(ExcTargetSite).Assembly.GetName().Name;
		Console.WriteLine("  source " + (s == null ? "null" : s == own ? "own" : s));
	}
	static void Main()
	{
		try { throw new ApplicationException("main"); } catch (Exception e) { Show(e); }
		try { new TsThrower().Deep(3); } catch (Exception e) { Show(e); }
		try { TsThrower.Parse("x"); } catch (Exception e) { Show(e); }
		try { new TsThrower().Virt(); } catch (Exception e) { Show(e); }
		try { Console.WriteLine(new TsThrower()[-1]); } catch (Exception e) { Show(e); }
		try { TsG<int>.Fail(4); } catch (Exception e) { Show(e); }
		try { object o = "s"; Console.WriteLine((int)o); } catch (Exception e) { Show(e); }
		try { int[] a = new int[2]; int i = 5; Console.WriteLine(a[i]); } catch (Exception e) { Show(e); }
		Show(new Exception("never thrown"));
		try { new TsPoint { X = -1 }.Checked(); } catch (Exception e) { Show(e); }
		Action act = () => { throw new TimeoutException("lambda"); };
		try { act(); } catch (Exception e) { Show(e); }
		try {
			try { new TsThrower().Deep(1); } catch (Exception) { throw; }
		} catch (Exception e) { Show(e); }
		var set = new Exception("set");
		set.Source = "mine";
		ShowSource(set);
	}
}
