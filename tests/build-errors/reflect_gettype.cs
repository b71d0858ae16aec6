// mcs: -debug
// Reflection on x.GetType() where x is an object: ilcc keeps what the call
// asks (here the public properties) of each of the program's own types
// created anywhere in the program, but the class library's types may be
// there too and it cannot list them: the call warns at its C# line, and a
// class library type's properties are found only as far as they are kept
// anyway (Mono lists Version's Build, Major, ...; ilcc none of them).
using System;
using System.Linq;
class Pet { public string Name { get; set; } public int Age { get; set; } }
class Cat : Pet { public bool Indoor { get; set; } }
static class P {
	static string Props(object o)
	{
		return o.GetType().Name + ": " + string.Join(",", o.GetType().GetProperties()
			.Select(p => p.Name).OrderBy(n => n));
	}
	static int Main()
	{
		Console.WriteLine(Props(new Pet()));
		Console.WriteLine(Props(new Cat()));
		Console.WriteLine(Props(new Version(1, 2)));
		return 0;
	}
}
