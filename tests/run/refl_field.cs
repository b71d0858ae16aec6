// Fields by reflection: typeof(X).GetField("name") (and GetFields) with
// the type and name known at build time keeps those fields (rt_fields).
// GetValue and SetValue on instance fields, statics (the class
// constructor runs first), constants, structs (in the box), inherited
// and non-public fields with BindingFlags, generic instances,
// [ThreadStatic] fields, FieldType, IsStatic, IsPublic, IsLiteral, and
// Mono's errors.
using System;
using System.Reflection;
class Base { public int BaseCount = 1; int hidden = 2; public int Hidden { get { return hidden; } } }
class Thing : Base {
	public string Name = "item";
	public int Count;
	public double Ratio = 0.5;
	public const int Max = 42;
	public const string Label = "label";
	public const long Big = -5000000000;
	public static string Kind;
	public static int Made;
	string secret = "s";
	public object Any;
	public DayOfWeek Day = DayOfWeek.Tuesday;
	public int? Maybe;
	static Thing() { Kind = "static"; Made = 10; Console.WriteLine("Thing.cctor"); }
	public string Secret { get { return secret; } }
}
struct Pt { public int X; public int Y; public const char C = 'c'; }
class Lazy { public static int V = Init(); static int Init() { Console.WriteLine("Lazy init"); return 9; } }
class G<T> { public T Val; public static T S; }
class Tls { [ThreadStatic] public static int N; }
class P {
	static void Main() {
		var it = new Thing { Count = 3 };
		FieldInfo c = typeof(Thing).GetField("Count");
		Console.WriteLine(c.Name + " " + c.FieldType.Name + " " + c.IsStatic + " " + c.IsPublic + " " + c.DeclaringType.Name + " " + c.IsLiteral);
		Console.WriteLine(c.GetValue(it));
		c.SetValue(it, 7);
		Console.WriteLine(it.Count + " " + c.GetValue(it));
		FieldInfo n = typeof(Thing).GetField("Name");
		Console.WriteLine(n.GetValue(it) + " " + n.FieldType);
		n.SetValue(it, "changed");
		Console.WriteLine(it.Name);
		n.SetValue(it, null);
		Console.WriteLine(it.Name == null);
		FieldInfo r = typeof(Thing).GetField("Ratio");
		r.SetValue(it, 2.25);
		Console.WriteLine(it.Ratio + " " + r.GetValue(it));
		Console.WriteLine("before static");
		FieldInfo k = typeof(Thing).GetField("Kind", BindingFlags.Public | BindingFlags.Static);
		Console.WriteLine(k.IsStatic + " " + k.GetValue(null));
		k.SetValue(null, "set");
		Console.WriteLine(Thing.Kind);
		Console.WriteLine(typeof(Lazy).GetField("V").GetValue(null));
		Console.WriteLine(typeof(Thing).GetField("Max").GetValue(null) + " " + typeof(Thing).GetField("Max").IsLiteral);
		Console.WriteLine(typeof(Thing).GetField("Label").GetValue(null));
		Console.WriteLine(typeof(Thing).GetField("Big").GetValue(null));
		Console.WriteLine(typeof(Pt).GetField("C").GetValue(null));
		FieldInfo s = typeof(Thing).GetField("secret", BindingFlags.NonPublic | BindingFlags.Instance);
		Console.WriteLine(s.IsPublic + " " + s.IsPrivate + " " + s.GetValue(it));
		s.SetValue(it, "t");
		Console.WriteLine(it.Secret);
		Console.WriteLine(typeof(Thing).GetField("secret") == null);
		Console.WriteLine(typeof(Thing).GetField("Nope") == null);
		FieldInfo b = typeof(Thing).GetField("BaseCount");
		Console.WriteLine(b.DeclaringType.Name + " " + b.ReflectedType.Name + " " + b.GetValue(it));
		Console.WriteLine(typeof(Thing).GetField("hidden", BindingFlags.NonPublic | BindingFlags.Instance) == null);
		FieldInfo h = typeof(Base).GetField("hidden", BindingFlags.NonPublic | BindingFlags.Instance);
		h.SetValue(it, 5);
		Console.WriteLine(it.Hidden);
		FieldInfo any = typeof(Thing).GetField("Any");
		any.SetValue(it, 12);
		Console.WriteLine(any.GetValue(it) + " " + any.FieldType.Name);
		FieldInfo day = typeof(Thing).GetField("Day");
		Console.WriteLine(day.GetValue(it) + " " + day.FieldType.Name);
		day.SetValue(it, DayOfWeek.Friday);
		Console.WriteLine(it.Day);
		FieldInfo maybe = typeof(Thing).GetField("Maybe");
		Console.WriteLine(maybe.GetValue(it) == null);
		maybe.SetValue(it, 4);
		Console.WriteLine(it.Maybe + " " + maybe.GetValue(it));
		object pt = new Pt { X = 1, Y = 2 };
		FieldInfo y = typeof(Pt).GetField("Y");
		y.SetValue(pt, 20);
		Console.WriteLine(((Pt)pt).Y + " " + y.GetValue(pt) + " " + typeof(Pt).GetField("X").GetValue(pt));
		foreach (FieldInfo f in typeof(Pt).GetFields())
			Console.WriteLine("Pt." + f.Name + " " + f.FieldType.Name + " " + f.IsStatic);
		int count = 0;
		foreach (FieldInfo f in typeof(Thing).GetFields(BindingFlags.Public | BindingFlags.Static))
			count++;
		Console.WriteLine("static public " + count);
		Console.WriteLine(typeof(Thing).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).Length);
		Console.WriteLine(c);
		var g = new G<int> { Val = 5 };
		FieldInfo gv = typeof(G<int>).GetField("Val");
		Console.WriteLine(gv.GetValue(g) + " " + gv.FieldType + " " + gv.DeclaringType);
		typeof(G<string>).GetField("S").SetValue(null, "generic static");
		Console.WriteLine(G<string>.S);
		FieldInfo tls = typeof(Tls).GetField("N");
		tls.SetValue(null, 6);
		Console.WriteLine(Tls.N + " " + tls.GetValue(null));
		try { c.GetValue(null); } catch (TargetException e) { Console.WriteLine("TargetException " + e.Message); }
		try { c.GetValue("str"); } catch (ArgumentException e) { Console.WriteLine("ArgumentException"); }
		try { c.SetValue(it, "str"); } catch (ArgumentException e) { Console.WriteLine("ArgumentException " + e.GetType().Name); }
		try { typeof(Thing).GetField("Max").SetValue(null, 1); } catch (FieldAccessException e) { Console.WriteLine("FieldAccessException " + e.Message); }
	}
}
