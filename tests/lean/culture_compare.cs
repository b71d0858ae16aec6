// A program that compares strings by culture keeps Mono's collator.
using System;

static class P {
	static void Main()
	{
		Console.WriteLine(string.Compare("apple", "Banana"));
	}
}
