// ilcc: --rd tests/build-errors/directive_missing.rd.xml --descriptor tests/build-errors/directive_missing.descriptor.xml
// Directives naming what does not exist, or with a degree or preserve value
// that does not exist: each a warning with its line and column, and the
// program builds and runs.
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
