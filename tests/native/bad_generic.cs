// Refused: an export on a generic method
using System.Runtime.InteropServices;

public static class K {
	[UnmanagedCallersOnly(EntryPoint = "f")]
	public static T F<T>(T a) { return a; }
}
