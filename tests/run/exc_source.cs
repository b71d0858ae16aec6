// Exception.Source in a program that reaches no Assembly itself: the
// assembly names must be kept for it (NullReferenceException before). Not
// bundled: the program's own assembly name is in the output.
using System;
class ExcSource {
	static void Main()
	{
		try { throw new InvalidOperationException("x"); } catch (Exception e) { Console.WriteLine("own " + e.Source); }
		try { int.Parse("x"); } catch (Exception e) { Console.WriteLine("corlib " + e.Source); }
		Console.WriteLine("never thrown " + (new Exception().Source == null));
	}
}
