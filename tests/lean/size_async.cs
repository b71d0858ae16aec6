// The size preset on a program that names an asynchronous text call: the
// switch sync-text-io stays off, so StreamWriter keeps its Task.
using System;

static class P {
	static void Main()
	{
		Console.Out.WriteLineAsync("Hello").Wait();
	}
}
