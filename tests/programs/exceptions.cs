// A settings store that reports problems with exceptions: built-in ones
// (KeyNotFound, Format, ArgumentNull, InvalidCast, Overflow, IndexOutOfRange)
// and custom ones, with messages, type names, filters, finally and rethrow.
using System;
using System.Collections.Generic;

namespace exceptions
{
	class ConfigException : Exception
	{
		public string Key { get; }
		public ConfigException(string key, string message, Exception inner) : base(message, inner) { Key = key; }
	}

	class Settings
	{
		readonly Dictionary<string, string> values = new Dictionary<string, string>();

		public void Set(string key, string value)
		{
			if (key == null)
				throw new ArgumentNullException(nameof(key));
			values[key] = value;
		}

		public string Get(string key) => values[key];

		public int GetInt(string key)
		{
			try {
				return int.Parse(values[key]);
			} catch (FormatException e) {
				throw new ConfigException(key, "Setting '" + key + "' is not a number", e);
			} catch (OverflowException e) {
				throw new ConfigException(key, "Setting '" + key + "' is too large", e);
			}
		}
	}

	class Program
	{
		static int cleanups;

		static void Attempt(string what, Action action)
		{
			try {
				action();
				Console.WriteLine("{0,-18} ok", what);
			} catch (ConfigException e) when (e.InnerException is FormatException) {
				Console.WriteLine("{0,-18} {1}: {2} [inner {3}]", what, e.GetType().Name, e.Message, e.InnerException.GetType().Name);
			} catch (ConfigException e) {
				Console.WriteLine("{0,-18} {1} for key {2}: {3}", what, e.GetType().Name, e.Key, e.Message);
			} catch (ArgumentNullException e) {
				Console.WriteLine("{0,-18} {1} (param {2})", what, e.GetType().Name, e.ParamName);
			} catch (Exception e) {
				Console.WriteLine("{0,-18} {1}: {2}", what, e.GetType().Name, e.Message);
			} finally {
				cleanups++;
			}
		}

		static void Rethrower()
		{
			try {
				throw new InvalidOperationException("inner failure");
			} catch (InvalidOperationException) {
				Console.WriteLine("logging and rethrowing");
				throw;
			}
		}

		public static int Main(string[] args)
		{
			var s = new Settings();
			s.Set("port", "8080");
			s.Set("name", "server");
			s.Set("huge", "99999999999");
			Attempt("port", () => Console.WriteLine("port + 1 = " + (s.GetInt("port") + 1)));
			Attempt("missing key", () => s.Get("colour"));
			Attempt("not a number", () => s.GetInt("name"));
			Attempt("too large", () => s.GetInt("huge"));
			Attempt("null key", () => s.Set(null, "x"));
			Attempt("bad cast", () => { object o = "text"; int n = (int)o; });
			Attempt("index", () => { int[] a = new int[3]; a[3] = 1; });
			Attempt("divide", () => { int z = 0; Console.WriteLine(10 / z); });
			Attempt("checked", () => { int big = int.MaxValue; checked { big++; } });
			Attempt("null ref", () => { string t = null; Console.WriteLine(t.Length); });
			Attempt("rethrow", Rethrower);
			Attempt("aggregate", () => { throw new AggregateException("many", new Exception("a"), new Exception("b")); });
			Console.WriteLine("cleanups run: {0}", cleanups);
			var e2 = new ConfigException("k", "outer", new FormatException("inner"));
			Console.WriteLine("{0} / {1}", e2.Message, e2.InnerException.Message);
			Console.WriteLine("base exception: {0}", e2.GetBaseException().Message);
			return cleanups == 12 ? 0 : 1;
		}
	}
}
