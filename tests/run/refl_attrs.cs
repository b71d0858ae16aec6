using System;
using System.Reflection;

public enum Color { Red, Green = 5, Blue }

[AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = true)]
public class InfoAttribute : Attribute {
	public string Name;
	public int Level { get; set; }
	public Color Color { get; set; }
	public Type Target;
	public int[] Numbers;
	public object Boxed;
	public InfoAttribute(string name) { Name = name; }
	public InfoAttribute(string name, int level) { Name = name; Level = level; }
	public override string ToString() {
		string nums = Numbers == null ? "null" : string.Join(",", Numbers);
		return "Info(" + Name + ", " + Level + ", " + Color + ", " + (Target == null ? "null" : Target.Name) + ", [" + nums + "], " + (Boxed ?? "null") + ")";
	}
}

public class MarkAttribute : Attribute { }

[Info("base", 1)]
[Mark]
public class Base {
	[Info("m", Color = Color.Blue)] public virtual void M() { }
}

[Info("derived", Level = 7, Target = typeof(string), Numbers = new[] { 1, 2, 3 }, Boxed = 42)]
public class Derived : Base {
	[Info("field", Boxed = "s")] public int F;
	[Info("prop", Color = Color.Green)] public string P { get; set; }
}

public class Plain {
	public static void Run([Info("arg0", Level = 2)] int a, string b, [Mark, Info("arg2")] object c) { }
	[return: Info("ret", Level = 7)] public static int Answer() { return 42; }
	[Mark] public event EventHandler Ping;
	public void Fire() { if (Ping != null) Ping(null, null); }
}

class Program {
	static void Show(string what, object[] a) {
		Console.WriteLine(what + ": " + a.Length + " " + a.GetType().Name);
		foreach (object o in a) Console.WriteLine("  " + o);
	}
	static void Main() {
		Show("Derived(false)", typeof(Derived).GetCustomAttributes(false));
		Show("Derived(true)", typeof(Derived).GetCustomAttributes(true));
		Show("Derived Info(true)", typeof(Derived).GetCustomAttributes(typeof(InfoAttribute), true));
		Show("Base Mark", typeof(Base).GetCustomAttributes(typeof(MarkAttribute), false));
		Show("Plain", typeof(Plain).GetCustomAttributes(false));
		Console.WriteLine(typeof(Derived).IsDefined(typeof(MarkAttribute), true));
		Console.WriteLine(typeof(Derived).IsDefined(typeof(MarkAttribute), false));
		Console.WriteLine(Attribute.IsDefined(typeof(Base), typeof(InfoAttribute)));
		var one = (InfoAttribute)Attribute.GetCustomAttribute(typeof(Base), typeof(InfoAttribute));
		Console.WriteLine(one);
		MethodInfo m = typeof(Base).GetMethod("M");
		Show("M", m.GetCustomAttributes(false));
		FieldInfo f = typeof(Derived).GetField("F");
		Show("F", f.GetCustomAttributes(typeof(InfoAttribute), false));
		PropertyInfo p = typeof(Derived).GetProperty("P");
		Show("P", p.GetCustomAttributes(false));
		Console.WriteLine(p.IsDefined(typeof(InfoAttribute), false));
		Console.WriteLine(typeof(Derived).GetCustomAttributes(false)[0] == typeof(Derived).GetCustomAttributes(false)[0]);
		foreach (ParameterInfo pi in typeof(Plain).GetMethod("Run").GetParameters()) {
			Show("param " + pi.Name, pi.GetCustomAttributes(false));
			Console.WriteLine(pi.IsDefined(typeof(MarkAttribute), false));
		}
		try {
			Attribute.GetCustomAttribute(typeof(Derived), typeof(InfoAttribute), true);
		} catch (AmbiguousMatchException e) { Console.WriteLine("ambiguous: " + e.GetType().Name); }
		// attributes on a return value
		MethodInfo ans = typeof(Plain).GetMethod("Answer");
		Show("Answer return", ans.ReturnParameter.GetCustomAttributes(false));
		Show("Answer return Info", ans.ReturnTypeCustomAttributes.GetCustomAttributes(typeof(InfoAttribute), false));
		Console.WriteLine(ans.ReturnParameter.IsDefined(typeof(InfoAttribute), false) + " " + ans.GetCustomAttributes(false).Length + " " + ans.ReturnParameter.Position);
		Show("Ping event", typeof(Plain).GetEvent("Ping").GetCustomAttributes(false));
	}
}
