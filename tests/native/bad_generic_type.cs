// Refused: an export in a generic type
using System.Runtime.InteropServices;

public static class K<T> {
	[UnmanagedCallersOnly(EntryPoint = "f")]
	public static int F(int a) { return a; }
}
