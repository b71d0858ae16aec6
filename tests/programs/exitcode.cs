// A validator that checks configuration lines read from standard input and
// leaves with Environment.Exit: 0 when all is well, 3 on the first fatal
// error (further lines are not read), after flushing its report.
using System;
using System.Collections.Generic;

namespace exitcode
{
	class Program
	{
		static readonly HashSet<string> Known = new HashSet<string> { "host", "port", "timeout", "mode" };

		static void Fatal(int line, string message)
		{
			Console.WriteLine("line {0}: fatal: {1}", line, message);
			Console.WriteLine("validation stopped");
			Environment.Exit(3);
		}

		public static int Main(string[] args)
		{
			int n = 0, warnings = 0;
			var seen = new Dictionary<string, int>();
			string line;
			while ((line = Console.ReadLine()) != null) {
				n++;
				if (line.Trim().Length == 0 || line.TrimStart().StartsWith(";"))
					continue;
				int eq = line.IndexOf('=');
				if (eq < 0)
					Fatal(n, "missing '=' in \"" + line + "\"");
				string key = line.Substring(0, eq).Trim().ToLowerInvariant();
				string value = line.Substring(eq + 1).Trim();
				if (!Known.Contains(key)) {
					warnings++;
					Console.WriteLine("line {0}: warning: unknown key '{1}'", n, key);
					continue;
				}
				int prev;
				if (seen.TryGetValue(key, out prev)) {
					warnings++;
					Console.WriteLine("line {0}: warning: '{1}' already set on line {2}", n, key, prev);
				}
				seen[key] = n;
				if (key == "port") {
					int port;
					if (!int.TryParse(value, out port) || port < 1 || port > 65535)
						Fatal(n, "bad port " + value);
				}
				Console.WriteLine("line {0}: {1} = {2}", n, key, value);
			}
			Console.WriteLine("{0} lines, {1} warnings", n, warnings);
			return 0;
		}
	}
}
