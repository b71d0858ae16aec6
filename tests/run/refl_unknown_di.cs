// Reflection the build sees only in part (issue 12): a member name not
// known at build time on a known type (read from input, computed) finds
// every member of the kind, as Native AOT's dataflow keeps them; a Type
// not known at build time at all (read from a dictionary or list: a DI
// container, a plugin scan) finds what it asks on each of the program's
// own types (with a warning: the class library's types are not kept so);
// BindingFlags.IgnoreCase; PropertyInfo/FieldInfo.MetadataToken for
// declaration order; FieldInfo.GetRawConstantValue of enum constants.
using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Reflection;

enum Shade { [Description("very light")] Pale = 1, Mid = 5, [Description("very dark")] Deep = 9 }

class Config {
	public string Zeta { get; set; }
	public int Alpha { get; set; }
	public bool Mid { get; set; }
	public double Rate;
}

interface IGreeter { string Hello(string who); }
class English : IGreeter { public string Hello(string w) { return "hello " + w; } }
class French : IGreeter { public string Hello(string w) { return "bonjour " + w; } }
class Repo { public string Get() { return "data"; } }
class Service {
	readonly Repo repo;
	public Service(Repo r) { repo = r; }
	public string Run() { return repo.Get().ToUpper(); }
}

class Ops {
	public static int OpAdd(int a, int b) { return a + b; }
	public static int OpMul(int a, int b) { return a * b; }
}

class Program {
	static readonly Dictionary<string, Type> registry = new Dictionary<string, Type>();

	static object Make(Type t)
	{
		var ctor = t.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
		return ctor.Invoke(ctor.GetParameters().Select(p => Make(p.ParameterType)).ToArray());
	}

	static string Describe<T>(T v)
	{
		var f = typeof(T).GetField(v.ToString());
		var d = f == null ? null : (DescriptionAttribute)Attribute.GetCustomAttribute(f, typeof(DescriptionAttribute));
		return d == null ? v.ToString() : d.Description;
	}

	static int Main(string[] args)
	{
		var c = new Config();
		foreach (var kv in new[] { "alpha=3", "ZETA=z", "mid=true" }) {
			var p = kv.Split('=');
			var pi = typeof(Config).GetProperty(p[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
			pi.SetValue(c, Convert.ChangeType(p[1], pi.PropertyType), null);
		}
		string fname = args.Length > 3 ? args[0] : "Ra" + "te";
		typeof(Config).GetField(fname).SetValue(c, 0.5);
		Console.WriteLine(string.Join(", ", typeof(Config).GetProperties().OrderBy(p => p.MetadataToken)
			.Select(p => p.Name + "=" + p.GetValue(c, null))) + ", Rate=" + c.Rate);
		Console.WriteLine(typeof(Config).GetFields()[0].MetadataToken > 0x04000000);

		foreach (var op in new[] { "Add", "Mul" })
			Console.WriteLine(op + " " + typeof(Ops).GetMethod("Op" + op).Invoke(null, new object[] { 6, 7 }));

		Console.WriteLine(Describe(Shade.Pale) + ", " + Describe(Shade.Mid) + ", " + Describe(Shade.Deep));
		Console.WriteLine(string.Join(",", typeof(Shade).GetFields(BindingFlags.Public | BindingFlags.Static)
			.Select(f => f.Name + "=" + f.GetRawConstantValue() + ":" + f.GetRawConstantValue().GetType().Name)));

		registry["en"] = typeof(English);
		registry["fr"] = typeof(French);
		registry["svc"] = typeof(Service);
		foreach (var k in new[] { "en", "fr" }) {
			var g = (IGreeter)Activator.CreateInstance(registry[k]);
			Console.WriteLine(g.Hello("ann"));
		}
		Console.WriteLine(((Service)Make(registry["svc"])).Run());
		var types = new List<Type> { typeof(Repo), typeof(English) };
		Console.WriteLine(string.Join(",", types.Select(t => t.Name + ":" + t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Length)));
		return 0;
	}
}
