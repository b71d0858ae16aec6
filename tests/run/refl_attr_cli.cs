// An attribute-driven command-line parser, as programs write them: the
// options class's properties carry [Option] (names, help, required) and
// the parser finds them by reflection, converts the text by the
// property's type (string, int, bool switch, enum, string[]) and reports
// errors and usage from the attributes.
using System;
using System.Collections.Generic;
using System.Reflection;

[AttributeUsage(AttributeTargets.Property)]
sealed class OptionAttribute : Attribute {
	public OptionAttribute(char shortName, string longName) { Short = shortName; Long = longName; }
	public char Short { get; private set; }
	public string Long { get; private set; }
	public string Help { get; set; }
	public bool Required { get; set; }
}

[AttributeUsage(AttributeTargets.Class)]
sealed class VerbAttribute : Attribute {
	public string Name;
	public VerbAttribute(string name) { Name = name; }
}

enum Level { Quiet, Normal, Loud }

[Verb("copy")]
class CopyOptions {
	[Option('s', "source", Help = "file to read", Required = true)] public string Source { get; set; }
	[Option('n', "count", Help = "copies to make")] public int Count { get; set; }
	[Option('v', "verbose", Help = "say more")] public bool Verbose { get; set; }
	[Option('l', "level", Help = "how loud")] public Level Level { get; set; }
	[Option('t', "tags", Help = "labels, comma separated")] public string[] Tags { get; set; }
	public string NotAnOption { get; set; }
}

static class Parser {
	public static T Parse<T>(string[] args) where T : new() {
		T result = new T();
		var seen = new HashSet<PropertyInfo>();
		var props = typeof(T).GetProperties();
		for (int i = 0; i < args.Length; i++) {
			PropertyInfo p = Find(props, args[i]);
			if (p == null)
				throw new ArgumentException("unknown option " + args[i]);
			seen.Add(p);
			if (p.PropertyType == typeof(bool)) { p.SetValue(result, true, null); continue; }
			if (i + 1 >= args.Length)
				throw new ArgumentException("option " + args[i] + " needs a value");
			p.SetValue(result, Convert(p.PropertyType, args[++i]), null);
		}
		foreach (var p in props) {
			var o = (OptionAttribute)Attribute.GetCustomAttribute(p, typeof(OptionAttribute));
			if (o != null && o.Required && !seen.Contains(p))
				throw new ArgumentException("missing --" + o.Long);
		}
		return result;
	}
	static object Convert(Type t, string s) {
		if (t == typeof(int)) return int.Parse(s);
		if (t.IsEnum) return Enum.Parse(t, s, true);
		if (t == typeof(string[])) return s.Split(',');
		return s;
	}
	static PropertyInfo Find(PropertyInfo[] props, string arg) {
		foreach (var p in props) {
			var attrs = p.GetCustomAttributes(typeof(OptionAttribute), false);
			if (attrs.Length == 0) continue;
			var o = (OptionAttribute)attrs[0];
			if (arg == "-" + o.Short || arg == "--" + o.Long) return p;
		}
		return null;
	}
	public static string Usage<T>() {
		var verb = (VerbAttribute)typeof(T).GetCustomAttributes(typeof(VerbAttribute), false)[0];
		var sb = new System.Text.StringBuilder("usage: " + verb.Name + "\n");
		foreach (var p in typeof(T).GetProperties()) {
			if (!p.IsDefined(typeof(OptionAttribute), false)) continue;
			var o = (OptionAttribute)p.GetCustomAttributes(false)[0];
			sb.AppendFormat("  -{0}, --{1,-8} {2}{3} ({4})\n", o.Short, o.Long, o.Help,
				o.Required ? ", required" : "", p.PropertyType.Name);
		}
		return sb.ToString();
	}
}

class Program {
	static void Show(CopyOptions o) {
		Console.WriteLine("source={0} count={1} verbose={2} level={3} tags={4}", o.Source, o.Count,
			o.Verbose, o.Level, o.Tags == null ? "-" : string.Join("|", o.Tags));
	}
	static void Try(params string[] args) {
		try {
			Show(Parser.Parse<CopyOptions>(args));
		} catch (ArgumentException e) {
			Console.WriteLine("error: " + e.Message);
		}
	}
	static int Main() {
		Console.Write(Parser.Usage<CopyOptions>());
		Try("-s", "a.txt");
		Try("--source", "b.txt", "-n", "3", "-v", "--level", "loud", "-t", "x,y,z");
		Try("-n", "2");
		Try("-s", "c", "--bogus");
		Try("-s");
		return 3;
	}
}
