// Reads an INI file from standard input into sections, then answers typed
// queries (strings, ints, bools, lists) with defaults and reports errors.
using System;
using System.Collections.Generic;
using System.Linq;

namespace iniconfig
{
	class IniFile
	{
		readonly Dictionary<string, Dictionary<string, string>> sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
		public readonly List<string> Errors = new List<string>();

		public IniFile(System.IO.TextReader reader)
		{
			var current = Section("");
			string line;
			int n = 0;
			while ((line = reader.ReadLine()) != null) {
				n++;
				string t = line.Trim();
				if (t.Length == 0 || t[0] == ';' || t[0] == '#') continue;
				if (t[0] == '[') {
					if (!t.EndsWith("]")) { Errors.Add($"line {n}: unclosed section header"); continue; }
					current = Section(t.Substring(1, t.Length - 2).Trim());
					continue;
				}
				int eq = t.IndexOf('=');
				if (eq <= 0) { Errors.Add($"line {n}: expected key = value"); continue; }
				string value = t.Substring(eq + 1).Trim();
				if (value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"')
					value = value.Substring(1, value.Length - 2);
				current[t.Substring(0, eq).Trim()] = value;
			}
		}

		Dictionary<string, string> Section(string name)
		{
			Dictionary<string, string> s;
			if (!sections.TryGetValue(name, out s))
				sections[name] = s = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
			return s;
		}

		public IEnumerable<string> SectionNames => sections.Keys;
		public int KeyCount(string section) => sections[section].Count;

		public string Get(string section, string key, string fallback = null)
		{
			Dictionary<string, string> s;
			string v;
			return sections.TryGetValue(section, out s) && s.TryGetValue(key, out v) ? v : fallback;
		}

		public int GetInt(string section, string key, int fallback)
		{
			string v = Get(section, key);
			if (v == null) return fallback;
			int r;
			if (int.TryParse(v, out r)) return r;
			throw new FormatException($"[{section}] {key} = '{v}' is not an integer");
		}

		public bool GetBool(string section, string key) =>
			new[] { "1", "yes", "true", "on" }.Contains((Get(section, key) ?? "").ToLowerInvariant());
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var ini = new IniFile(Console.In);
			foreach (string s in ini.SectionNames)
				Console.WriteLine("section [{0}] with {1} keys", s, ini.KeyCount(s));
			Console.WriteLine("app name: {0}", ini.Get("app", "name"));
			Console.WriteLine("title: {0}", ini.Get("APP", "Title", "(untitled)"));
			Console.WriteLine("db port: {0}", ini.GetInt("database", "port", 5432));
			Console.WriteLine("db pool: {0}", ini.GetInt("database", "pool", 10));
			Console.WriteLine("debug: {0}, cache: {1}, missing: {2}", ini.GetBool("app", "debug"), ini.GetBool("features", "cache"), ini.GetBool("features", "nothing"));
			var hosts = (ini.Get("cluster", "hosts") ?? "").Split(',').Select(h => h.Trim()).Where(h => h.Length > 0).ToList();
			Console.WriteLine("hosts ({0}): {1}", hosts.Count, string.Join(" | ", hosts));
			Console.WriteLine("global owner: {0}", ini.Get("", "owner"));
			try {
				ini.GetInt("database", "timeout", 30);
			} catch (FormatException e) {
				Console.WriteLine("error: " + e.Message);
			}
			foreach (string e in ini.Errors)
				Console.WriteLine("parse error: " + e);
			return ini.Errors.Count;
		}
	}
}
