// The small program for build time, start-up time, peak memory and size:
// Hello World through System.Console, as users write it.
using System;

static class Hello {
	static int Main(string[] args)
	{
		Console.WriteLine("Hello, world!");
		return 0;
	}
}
