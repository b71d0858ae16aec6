// Builds a small document tree (objects, arrays, strings, numbers, booleans,
// null) and prints it as indented JSON, escaping strings by hand.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace jsonprint
{
	class Program
	{
		static void Escape(StringBuilder sb, string s)
		{
			sb.Append('"');
			foreach (char c in s) {
				switch (c) {
				case '"': sb.Append("\\\""); break;
				case '\\': sb.Append("\\\\"); break;
				case '\n': sb.Append("\\n"); break;
				case '\t': sb.Append("\\t"); break;
				default:
					if (c < ' ' || c > '~')
						sb.AppendFormat("\\u{0:x4}", (int)c);
					else
						sb.Append(c);
					break;
				}
			}
			sb.Append('"');
		}

		static void Write(StringBuilder sb, object value, int indent)
		{
			string pad = new string(' ', indent * 2);
			string inner = new string(' ', indent * 2 + 2);
			if (value == null) {
				sb.Append("null");
			} else if (value is string s) {
				Escape(sb, s);
			} else if (value is bool b) {
				sb.Append(b ? "true" : "false");
			} else if (value is int i) {
				sb.Append(i.ToString(CultureInfo.InvariantCulture));
			} else if (value is double d) {
				sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
			} else if (value is Dictionary<string, object> obj) {
				if (obj.Count == 0) {
					sb.Append("{}");
					return;
				}
				sb.Append("{\n");
				int n = 0;
				foreach (var kv in obj) {
					sb.Append(inner);
					Escape(sb, kv.Key);
					sb.Append(": ");
					Write(sb, kv.Value, indent + 1);
					sb.Append(++n < obj.Count ? ",\n" : "\n");
				}
				sb.Append(pad).Append('}');
			} else if (value is List<object> list) {
				if (list.Count == 0) {
					sb.Append("[]");
					return;
				}
				sb.Append("[\n");
				for (int k = 0; k < list.Count; k++) {
					sb.Append(inner);
					Write(sb, list[k], indent + 1);
					sb.Append(k + 1 < list.Count ? ",\n" : "\n");
				}
				sb.Append(pad).Append(']');
			} else {
				throw new NotSupportedException("Cannot write a " + value.GetType().Name);
			}
		}

		static Dictionary<string, object> Person(string name, int age, params string[] tags)
		{
			var t = new List<object>();
			foreach (string tag in tags)
				t.Add(tag);
			return new Dictionary<string, object> {
				["name"] = name,
				["age"] = age,
				["tags"] = t,
				["score"] = age / 8.0,
			};
		}

		public static int Main(string[] args)
		{
			var doc = new Dictionary<string, object> {
				["title"] = "Team \"Alpha\"\tlist",
				["version"] = 3,
				["active"] = true,
				["owner"] = null,
				["members"] = new List<object> {
					Person("Zoë", 31, "lead", "ops"),
					Person("Omar", 27),
					Person("Li\\Wei", 44, "db"),
				},
				["ratios"] = new List<object> { 0.5, 1.25, -3.0, 1e-7 },
				["empty"] = new Dictionary<string, object>(),
			};
			var sb = new StringBuilder();
			Write(sb, doc, 0);
			Console.WriteLine(sb.ToString());
			try {
				Write(new StringBuilder(), new List<object> { DayOfWeek.Monday }, 0);
			} catch (NotSupportedException e) {
				Console.WriteLine("error: " + e.Message);
			}
			return 0;
		}
	}
}
