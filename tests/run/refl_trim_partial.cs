// ilcc: --trim=partial
// --trim=partial keeps every type and member of the program's own
// assembly, reachable or not, for reflection (the class library is still
// trimmed), as Native AOT's TrimMode=partial does: names made at run
// time find them all, as under Mono.
using System;
using System.Reflection;

namespace Shop {
	public class Item {
		public string Name { get; set; }
		public decimal Price;
		public static int Made;
		public Item() { Name = "widget"; Price = 2.5m; Made++; }
		public string Describe(int n) { return n + " x " + Name + " at " + Price; }
		internal class Tag { public override string ToString() { return "tag"; } }
	}
	static class Tax {
		static decimal Rate = 0.2m;
		public static decimal Of(decimal p) { return p * Rate; }
	}
	public struct Point { public int X, Y; public override string ToString() { return X + "," + Y; } }
	public enum Size : short { Small = 1, Large = 3 }
	[Flags] enum Mode { None = 0, Read = 1, Write = 2 }
}

static class P {
	static string N(string s) { return s.Replace("_", ""); }

	static void Main() {
		Type item = Type.GetType(N("Shop._Item"));
		object o = Activator.CreateInstance(item);
		Console.WriteLine(item.GetMethod(N("Desc_ribe")).Invoke(o, new object[] { 3 }));
		Console.WriteLine(item.GetProperty(N("Na_me")).GetValue(o, null));
		Console.WriteLine(item.GetField(N("Pri_ce")).GetValue(o));
		Console.WriteLine(item.GetField(N("Ma_de")).GetValue(null));
		Type tax = Type.GetType(N("Shop._Tax"));
		Console.WriteLine(tax.GetMethod(N("O_f")).Invoke(null, new object[] { 10m }));
		Console.WriteLine(tax.GetField(N("Ra_te"), BindingFlags.NonPublic | BindingFlags.Static).GetValue(null));
		Console.WriteLine(Activator.CreateInstance(Type.GetType(N("Shop.Item+_Tag"))));
		object pt = Activator.CreateInstance(Type.GetType(N("Shop._Point")));
		pt.GetType().GetField("X").SetValue(pt, 4);
		Console.WriteLine(pt);
		foreach (MethodInfo m in item.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
			Console.WriteLine(m.Name);
		// enums found by name: their names, values, fields and parsing
		Type size = Type.GetType(N("Shop._Size"));
		Console.WriteLine(size.IsEnum + " " + Enum.GetUnderlyingType(size) + " " + string.Join(",", Enum.GetNames(size)));
		foreach (object v in Enum.GetValues(size))
			Console.WriteLine(v + "=" + Convert.ToInt32(v));
		foreach (FieldInfo f in size.GetFields())
			Console.WriteLine(f.Name + " " + f.FieldType.Name + " " + f.IsLiteral + " " + (f.IsLiteral ? f.GetValue(null) : ""));
		object large = Enum.Parse(size, "Large");
		Console.WriteLine(large + " " + size.GetField("value__").GetValue(large) + " " + Enum.IsDefined(size, (short)2));
		Type mode = Type.GetType(N("Shop._Mode"));
		Console.WriteLine(Enum.ToObject(mode, 3) + " " + Enum.Parse(mode, "Write, Read"));
	}
}
