// Writing to a pipe whose reader has gone (`prog | head -1`): the write
// fails with an IOException (SIGPIPE does not kill the program); here it
// is left unhandled, so the status is 1.
using System;

static class Pipe {
	static void Main()
	{
		for (int i = 0; i < 1000000; i++)
			Console.WriteLine("line " + i);
		Console.Error.WriteLine("not reached");
	}
}
