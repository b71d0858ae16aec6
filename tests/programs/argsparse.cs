// A command-line tool in miniature: parses options and operands from its
// arguments (--name=value, -v, --, repeated -I), validates them and prints
// the resulting configuration; Main returns 2 on usage errors.
using System;
using System.Collections.Generic;
using System.Linq;

namespace argsparse
{
	class Options
	{
		public int Verbosity;
		public string Output = "a.out";
		public int Level = 1;
		public readonly List<string> Includes = new List<string>();
		public readonly List<string> Inputs = new List<string>();
		public readonly List<string> Errors = new List<string>();
	}

	class Program
	{
		static Options Parse(string[] args)
		{
			var o = new Options();
			bool operandsOnly = false;
			for (int i = 0; i < args.Length; i++) {
				string a = args[i];
				if (operandsOnly || !a.StartsWith("-") || a == "-") {
					o.Inputs.Add(a);
				} else if (a == "--") {
					operandsOnly = true;
				} else if (a.StartsWith("--")) {
					string name = a.Substring(2), value = null;
					int eq = name.IndexOf('=');
					if (eq >= 0) {
						value = name.Substring(eq + 1);
						name = name.Substring(0, eq);
					}
					switch (name) {
					case "output": o.Output = value ?? (i + 1 < args.Length ? args[++i] : null); break;
					case "level":
						if (!int.TryParse(value, out o.Level) || o.Level < 0 || o.Level > 3)
							o.Errors.Add("--level needs 0..3, got '" + value + "'");
						break;
					case "verbose": o.Verbosity++; break;
					default: o.Errors.Add("unknown option --" + name); break;
					}
				} else {
					for (int k = 1; k < a.Length; k++) {
						char c = a[k];
						if (c == 'v') o.Verbosity++;
						else if (c == 'I') {
							string dir = k + 1 < a.Length ? a.Substring(k + 1) : (i + 1 < args.Length ? args[++i] : null);
							if (dir == null) o.Errors.Add("-I needs a folder");
							else o.Includes.Add(dir);
							break;
						} else o.Errors.Add("unknown flag -" + c);
					}
				}
			}
			if (o.Inputs.Count == 0)
				o.Errors.Add("no input files");
			return o;
		}

		public static int Main(string[] args)
		{
			Console.WriteLine("{0} arguments:", args.Length);
			for (int i = 0; i < args.Length; i++)
				Console.WriteLine("  [{0}] \"{1}\"", i, args[i]);
			var o = Parse(args);
			Console.WriteLine("verbosity: {0}", o.Verbosity);
			Console.WriteLine("output:    {0}", o.Output);
			Console.WriteLine("level:     {0}", o.Level);
			Console.WriteLine("includes:  {0}", string.Join(";", o.Includes));
			Console.WriteLine("inputs:    {0}", string.Join(" ", o.Inputs.Select(f => f.Contains(" ") ? "'" + f + "'" : f)));
			foreach (string e in o.Errors)
				Console.WriteLine("error: " + e);
			return o.Errors.Count > 0 ? 2 : 0;
		}
	}
}
