// The assembly that tests/bad/run breaks byte by byte. base.dll is this file
// compiled once by `mcs -target:library -out:tests/bad/base.dll base.cs` and
// committed, so that the offsets in tests/bad/cases stay valid: do not
// rebuild it without updating them.
using System;

[AttributeUsage(AttributeTargets.All)]
public class NoteAttribute : Attribute
{
	public string Text;
	public NoteAttribute(string text, int level) { Text = text; }
}

[Note("base", 2)]
public class Base
{
	int count;
	string name = "base";
	static double[] weights = new double[2];

	public static T First<T>(T[] items) { return items[0]; }

	public int Guarded(int x)
	{
		int r = 0;
		try {
			r = 100 / x;
		} catch (DivideByZeroException) {
			r = -1;
		} finally {
			count++;
		}
		return r;
	}

	public string Pick(int n)
	{
		switch (n) {
		case 0: return "zero";
		case 1: return "one";
		case 2: return name;
		case 3: return "three";
		default: return weights == null ? "none" : "some";
		}
	}
}
