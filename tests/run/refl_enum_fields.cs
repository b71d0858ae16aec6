// The named values of an enum that reflection reaches only as a member's
// type (PropertyInfo.PropertyType, FieldInfo.FieldType, a parameter,
// inside Nullable<> and arrays): GetFields lists them, with their
// attributes and raw constant values, as an option parser's help or an
// object dumper reads them. GetRawConstantValue gives the underlying
// number; on a field that is not a constant it throws.
using System;
using System.ComponentModel;
using System.Linq;
using System.Reflection;

enum Mode { Safe, Fast, [Description("extra careful")] Paranoid }
enum Color : byte { Red = 1, Green = 2, Blue = 4 }
enum Size : long { Small = -1, Large = 1L << 40 }
enum Unused { A, B }

class Options
{
	public Mode Mode { get; set; }
	public string Name { get; set; }
	public Color? Tint { get; set; }
	public Size[] Sizes { get; set; }
	public Color Field;
	public const string Version = "1.2";
	public static int Counter;
	public void Apply(Mode m, Size s) { }
}

class P
{
	static Type Plain(Type t)
	{
		t = Nullable.GetUnderlyingType(t) ?? t;
		return t.IsArray ? t.GetElementType() : t;
	}

	static void Show(Type t)
	{
		Console.Write("  " + t.Name + ":");
		foreach (var f in t.GetFields(BindingFlags.Public | BindingFlags.Static)) {
			var raw = f.GetRawConstantValue();
			var d = (DescriptionAttribute)Attribute.GetCustomAttribute(f, typeof(DescriptionAttribute));
			Console.Write(" " + f.Name + "=" + raw + "/" + raw.GetType().Name +
				(d != null ? "(" + d.Description + ")" : ""));
		}
		Console.WriteLine();
	}

	static void Main()
	{
		foreach (var p in typeof(Options).GetProperties().OrderBy(p => p.Name)) {
			var t = Plain(p.PropertyType);
			Console.WriteLine(p.Name + " " + t.Name + " " + t.IsEnum);
			if (t.IsEnum)
				Show(t);
		}
		foreach (var f in typeof(Options).GetFields().OrderBy(f => f.Name)) {
			Console.WriteLine(f.Name + " " + f.FieldType.Name + " literal " + f.IsLiteral);
			if (f.IsLiteral)
				Console.WriteLine("  raw " + f.GetRawConstantValue());
			else if (f.FieldType.IsEnum)
				Show(f.FieldType);
			else {
				try {
					f.GetRawConstantValue();
				} catch (InvalidOperationException e) {
					Console.WriteLine("  " + e.GetType().Name);
				}
			}
		}
		var ps = typeof(Options).GetMethod("Apply").GetParameters();
		Console.WriteLine(string.Join(",", ps.Select(x => x.ParameterType.Name + ":" +
			string.Join("|", x.ParameterType.GetFields().Where(f => f.IsLiteral).Select(f => f.Name)))));
		Console.WriteLine(Enum.GetName(typeof(Color), (byte)4) + " " + (Mode)2);
	}
}
