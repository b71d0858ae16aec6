// Generic recursion that really goes too deep at run time. The call that
// would make types nest 49 deep is cut at build time, with a warning, and
// throws NotSupportedException when it runs; unhandled, it ends the
// program. (Mono instantiates on demand and would go on.)
using System;
class Box<T> { }
static class P {
	static int Deep<T>(int n) { return n == 0 ? 0 : Deep<Box<T>>(n - 1) + 1; }
	static int Main() {
		Console.WriteLine(Deep<int>(48));
		try {
			Deep<int>(49);
		} catch (NotSupportedException e) {
			Console.WriteLine(e.Message);
		}
		return Deep<string>(100);
	}
}
