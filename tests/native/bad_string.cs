// Refused: a string parameter (not blittable)
using System.Runtime.InteropServices;

public static class K {
	[UnmanagedCallersOnly(EntryPoint = "f")]
	public static int F(string s) { return s.Length; }
}
