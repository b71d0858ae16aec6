// CustomAttributeData: GetCustomAttributesData and CustomAttributeData.
// GetCustomAttributes over attributes decoded at build time: the
// constructor, its arguments (typed: enums, types, arrays, objects) and
// named arguments (properties and fields) without making the attribute.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

public enum Level { Low, High = 5 }

[AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
public class InfoAttribute : Attribute {
	public InfoAttribute() { }
	public InfoAttribute(string name, int count) { }
	public InfoAttribute(Level level, Type type) { }
	public InfoAttribute(int[] values) { }
	public InfoAttribute(object any) { }
	public string Note { get; set; }
	public double Weight;
	public Level Lvl { get; set; }
}

[Info("shape", 3, Note = "a note", Weight = 1.5)]
[Info(Level.High, typeof(string))]
public class Shape {
	[Info(new[] { 1, 2, 3 })] public int Field;
	[Info(42, Lvl = Level.High)] public string Prop { get; set; }
	[Info] public void Method([Info("p", 0)] int x) { }
	[Info((object)null)] public void Other() { }
}

public static class Program {
	static string Arg(CustomAttributeTypedArgument a)
	{
		var list = a.Value as IEnumerable<CustomAttributeTypedArgument>;
		if (list != null)
			return a.ArgumentType.Name + "{" + string.Join(",", list.Select(Arg)) + "}";
		return a.ArgumentType.Name + "=" + (a.Value == null ? "null" : a.Value + ":" + a.Value.GetType().Name);
	}

	static void Show(string what, IList<CustomAttributeData> data)
	{
		foreach (var d in data.OrderBy(x => x.ConstructorArguments.Count).ThenBy(x => x.ToString())) {
			Console.WriteLine("{0}: {1}({2})", what, d.Constructor.DeclaringType.Name,
				string.Join(", ", d.Constructor.GetParameters().Select(p => p.ParameterType.Name)));
			foreach (var a in d.ConstructorArguments)
				Console.WriteLine("  arg {0}", Arg(a));
			foreach (var n in d.NamedArguments.OrderBy(n => n.MemberName))
				Console.WriteLine("  named {0} {1} {2} {3}", n.MemberName, n.IsField, n.MemberInfo.MemberType, Arg(n.TypedValue));
			string ns = typeof(Level).Namespace, text = d.ToString();  // a bundle's namespace left out
			Console.WriteLine("  {0}", ns == null ? text : text.Replace(ns + ".", ""));
		}
	}

	public static int Main()
	{
		Type t = typeof(Shape);
		Show("type", t.GetCustomAttributesData());
		Show("field", t.GetField("Field").GetCustomAttributesData());
		Show("prop", CustomAttributeData.GetCustomAttributes(t.GetProperty("Prop")));
		Show("method", t.GetMethod("Method").GetCustomAttributesData());
		Show("param", t.GetMethod("Method").GetParameters()[0].GetCustomAttributesData());
		Show("other", t.GetMethod("Other").CustomAttributes.ToList());
		Console.WriteLine(typeof(Program).GetCustomAttributesData().Count);
		return 0;
	}
}
