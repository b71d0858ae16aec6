// The size preset (--size) on Hello World: what its feature switches
// leave out (README, "Size"; docs/design.md, "Size, fifth part").
using System;

static class Hello {
	static int Main(string[] args)
	{
		Console.WriteLine("Hello, world!");
		return 0;
	}
}
