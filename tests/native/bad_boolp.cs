// Refused: a struct holding a bool (not blittable)
using System.Runtime.InteropServices;

public struct S { public int A; public bool B; }

public static class K {
	[UnmanagedCallersOnly(EntryPoint = "f")]
	public static int F(S s) { return s.A; }
}
