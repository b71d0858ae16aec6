// A logger with C-style variable arguments (__arglist): each entry is
// formatted from its extra arguments, by Console.WriteLine's vararg
// overload (five or more items) and by the logger's own ArgIterator loop,
// which also counts the entries' arguments by type.
using System;
using System.Collections.Generic;

namespace varlog
{
	class Logger
	{
		readonly string name;
		readonly Dictionary<string, int> byType = new Dictionary<string, int>();
		int entries;

		public Logger(string name) { this.name = name; }

		public void Log(string format, __arglist)
		{
			ArgIterator it = new ArgIterator(__arglist);
			object[] items = new object[it.GetRemainingCount()];
			for (int i = 0; i < items.Length; i++) {
				Type t = Type.GetTypeFromHandle(it.GetNextArgType());
				int n;
				byType.TryGetValue(t.Name, out n);
				byType[t.Name] = n + 1;
				items[i] = TypedReference.ToObject(it.GetNextArg());
			}
			entries++;
			Console.WriteLine("[" + name + " " + entries + "] " + string.Format(format, items));
		}

		public void Summary()
		{
			var names = new List<string>(byType.Keys);
			names.Sort(string.CompareOrdinal);
			foreach (string t in names)
				Console.WriteLine("{0,-8} {1,3}", t, byType[t]);
		}
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var log = new Logger("app");
			log.Log("starting", __arglist());
			log.Log("{0} users, {1} groups", __arglist(42, 7L));
			log.Log("user {0} ({1}) logged in from {2}", __arglist("ann", 1001, "10.0.0.1"));
			log.Log("ratio {0:F3}, flag {1}, day {2}", __arglist(2.0 / 3, true, DayOfWeek.Friday));
			log.Log("{0}-{1}-{2}", __arglist('x', (byte)200, (short)-5));
			Console.WriteLine("{0} {1} {2} {3} {4} {5}", "direct:", 1, 2.5, "three", __arglist('4', 5L));
			Console.Write("{0}|{1}|{2}|{3}|{4}\n", "a", "b", "c", "d", __arglist("e"));
			log.Summary();
			return 0;
		}
	}
}
