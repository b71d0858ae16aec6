// Console without terminal control: the terminal driver is left out
// (feature switch ConsoleDriver.IsConsole, docs/design.md).
using System;

static class P {
	static void Main()
	{
		Console.WriteLine("Hello, World!");
		string line = Console.ReadLine();
		Console.Error.WriteLine(line == null ? "no input" : line);
	}
}
