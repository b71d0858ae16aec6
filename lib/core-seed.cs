// The program `make` builds to fill the installation's object store
// (Makefile, $(BUILD)/objects/made): it names Console and a collection, so
// it reaches both layers of the class library's core (src/build.c
// reach_core_library) and, besides its own Main, nothing else.
using System;
using System.Collections.Generic;

static class CoreSeed
{
	static List<string> unused;

	static void Main()
	{
		Console.WriteLine("seed");
	}
}
