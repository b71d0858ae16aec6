// Refused: two exports with one name
using System.Runtime.InteropServices;

public static class K {
	[UnmanagedCallersOnly(EntryPoint = "f")]
	public static int F(int a) { return a; }

	[UnmanagedCallersOnly(EntryPoint = "f")]
	public static int G(int a) { return a; }
}
