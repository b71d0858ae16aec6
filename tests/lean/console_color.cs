// A program that sets a colour keeps Mono's terminal driver.
using System;

static class P {
	static void Main()
	{
		Console.ForegroundColor = ConsoleColor.Red;
		Console.WriteLine("red");
		Console.ResetColor();
	}
}
