// A Type parameter that the program's own code reflects on (as Mono's
// TestDriver.RunTests(typeof(Tests)) does: GetMethods, then Invoke of each
// test_N method) keeps the members of the types passed to it, also
// through another Type parameter, whichever method is compiled first.
// No [DynamicallyAccessedMembers] is written: ilcc infers it.
using System;
using System.Reflection;

class Tests {
	public static int test_0_zero() { return 0; }
	public static int test_3_three() { return 1 + 2; }
	static int test_7_private() { return 7; }
	public static int test_2_wrong() { return 5; }
	public static int helper() { return 99; }
}

class Other {
	public static int test_1_other() { return 1; }
	public int Fuel = 4;
	public string Name { get { return "other"; } }
}

static class Driver {
	public static int Run(Type type, string[] args) {
		int failed = 0, ran = 0;
		MethodInfo[] methods = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
		Array.Sort(methods, (a, b) => string.CompareOrdinal(a.Name, b.Name));
		foreach (MethodInfo m in methods) {
			string name = m.Name;
			if (!name.StartsWith("test_", StringComparison.Ordinal))
				continue;
			int j = 5;
			while (j < name.Length && char.IsDigit(name[j]))
				j++;
			int expected = int.Parse(name.Substring(5, j - 5));
			int result = (int)m.Invoke(null, null);
			ran++;
			if (result != expected) {
				failed++;
				Console.WriteLine("{0} failed: got {1}, expected {2}", name, result, expected);
			}
		}
		Console.WriteLine("Regression tests: {0} ran, {1} failed in {2}", ran, failed, type);
		return failed;
	}

	public static int Run(Type type) { return Run(type, null); }

	static string Names(Type t) {
		string s = "";
		foreach (FieldInfo f in t.GetFields())
			s += f.Name + " ";
		foreach (PropertyInfo p in t.GetProperties())
			s += p.Name + " ";
		return s;
	}

	public static string Describe(Type t) { return Names(t); }
}

class Program {
	static int Main() {
		int r = Driver.Run(typeof(Tests));
		r += Driver.Run(typeof(Other), new string[0]);
		Console.WriteLine(Driver.Describe(typeof(Other)));
		return r;
	}
}
