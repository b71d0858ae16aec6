// Refused: an entry point that is not a C identifier
using System.Runtime.InteropServices;

public static class K {
	[UnmanagedCallersOnly(EntryPoint = "my-func")]
	public static int F(int a) { return a; }
}
