// Refused: a library with nothing to export
using System.Runtime.InteropServices;

public static class K {
	public static int F(int a) { return a; }
}
