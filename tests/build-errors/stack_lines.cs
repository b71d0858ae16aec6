// mcs: -debug
// With debug information, stack traces name the C# file and line of each
// frame of the program, in Mono's form (as `mono --debug` prints them):
// "  at NS.Type.Method (params) [0xIL] in FILE:LINE". Where Mono differs:
// the IL offset is the instruction that raised (Mono's is approximate:
// 0x00001 for the division), and a `throw` is on its own line (Mono names
// the instruction after it: 0x0001f, line 30).
using System;
using System.IO;
using System.Runtime.CompilerServices;

class Shape {
	int sides;

	public Shape(int sides) { this.sides = sides; }

	[MethodImpl(MethodImplOptions.NoInlining)]
	public int Angle(string unit)
	{
		return 360 / sides;
	}
}

class Program {
	[MethodImpl(MethodImplOptions.NoInlining)]
	static void Check(string[] names, int i)
	{
		if (names[i] == null)
			throw new ArgumentException("no name at " + i);
	}

	[MethodImpl(MethodImplOptions.NoInlining)]
	static void Rethrow()
	{
		try {
			Check(new string[2], 1);
		} catch (ArgumentException) {
			throw;
		}
	}

	// the file's folder differs between machines: only its name is shown
	static void Show(Exception e)
	{
		Console.WriteLine(e.GetType().Name + ":");
		foreach (var line in e.StackTrace.Split('\n')) {
			int at = line.IndexOf(" in ");
			Console.WriteLine(at < 0 ? line : line.Substring(0, at + 4) + Path.GetFileName(line.Substring(at + 4)));
		}
	}

	static void Main()
	{
		try {
			new Shape(0).Angle("deg");
		} catch (DivideByZeroException e) {
			Show(e);
		}
		try {
			Rethrow();
		} catch (ArgumentException e) {
			Show(e);
		}
		object o = null;
		Console.WriteLine(o.GetHashCode());
	}
}
