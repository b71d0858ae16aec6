using System;

static class Hello {
	static int Main(string[] args) {
		Console.WriteLine("Hello from ilcc, {0} argument(s)", args.Length);
		return 0;
	}
}
