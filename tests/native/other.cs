// A second library in the same process, with its own state and an
// exception that escapes.
using System;
using System.Text;
using System.Runtime.InteropServices;

public static class Other {
	static StringBuilder log = new StringBuilder();

	[UnmanagedCallersOnly(EntryPoint = "other_mul")]
	public static int Mul(int a, int b) { log.Append('*'); return a * b; }

	[UnmanagedCallersOnly(EntryPoint = "other_calls")]
	public static int Calls() { return log.Length; }

	[UnmanagedCallersOnly(EntryPoint = "other_fail")]
	public static int Fail(int x) { if (x > 0) throw new InvalidOperationException("x must not be positive"); return x; }
}
