// Hello World through System.Console, as any C# program prints.
// `ilcc run examples/hello.cs [NAME]`, or `make example`.
using System;

static class Hello
{
	static int Main(string[] args)
	{
		string who = args.Length > 0 ? args[0] : "World";
		Console.WriteLine("Hello, " + who + "!");
		return 0;
	}
}
