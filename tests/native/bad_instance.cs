// Refused: an export on an instance method
using System.Runtime.InteropServices;

public class K {
	[UnmanagedCallersOnly(EntryPoint = "f")]
	public int F(int a) { return a; }
}
