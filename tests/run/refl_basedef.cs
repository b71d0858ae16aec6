// MethodInfo.GetBaseDefinition up a chain of overrides (and a `new`
// method that starts its own slot), and attributes of a parameter
// (ParamArrayAttribute, a custom one), which Mono's
// Attribute.GetCustomAttributes finds through GetBaseDefinition.
using System;
using System.Linq;
using System.Reflection;

[AttributeUsage(AttributeTargets.Parameter)]
class NoteAttribute : Attribute { public string Text; public NoteAttribute(string t) { Text = t; } }

class A
{
	public virtual string Who() { return "A"; }
	public virtual int Size([Note("size")] int x) { return x; }
	public string Plain() { return "plain"; }
}
class B : A { public override string Who() { return "B"; } }
class C : B
{
	public override string Who() { return "C"; }
	public override int Size(int x) { return x * 2; }
}
class D : C { public new virtual string Who() { return "D"; } }

static class Cmds
{
	public static string Join(string sep, params string[] parts) { return string.Join(sep, parts); }
}

class P
{
	static string Base(Type t, string name)
	{
		var m = t.GetMethod(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
		var b = m.GetBaseDefinition();
		return t.Name + "." + name + " -> " + b.DeclaringType.Name + "." + b.Name + " " + (b == m);
	}

	static void Main()
	{
		Console.WriteLine(Base(typeof(C), "Who"));
		Console.WriteLine(Base(typeof(B), "Who"));
		Console.WriteLine(Base(typeof(A), "Who"));
		Console.WriteLine(Base(typeof(D), "Who"));
		Console.WriteLine(Base(typeof(C), "Size"));
		Console.WriteLine(Base(typeof(A), "Plain"));
		foreach (var p in typeof(Cmds).GetMethod("Join").GetParameters())
			Console.WriteLine(p.Name + " params=" + (p.GetCustomAttribute<ParamArrayAttribute>() != null) +
				" " + Attribute.IsDefined(p, typeof(ParamArrayAttribute)));
		var size = typeof(C).GetMethod("Size").GetParameters()[0];
		var note = (NoteAttribute)Attribute.GetCustomAttribute(size, typeof(NoteAttribute), true);
		Console.WriteLine("inherited note: " + (note == null ? "none" : note.Text));
		Console.WriteLine(typeof(Cmds).GetMethod("Join").Invoke(null, new object[] { "-", new[] { "a", "b" } }));
	}
}
