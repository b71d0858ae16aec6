// ilcc: --rd tests/build-errors/directive_missing.rd.xml
// Directives naming what does not exist: each a warning with its line and
// column, and the program builds and runs.
using System.Runtime.InteropServices;

class Kept {
	public int Value() { return 7; }
}

static class P {
	[DllImport("libc")]
	static extern int puts(string s);

	static int Main()
	{
		puts("ran");
		return 3;
	}
}
