// BSTR marshalling: Marshal.StringToBSTR, PtrToStringBSTR, the length before the characters, FreeBSTR.
using System;
using System.Runtime.InteropServices;

class B {
	static void Main() {
		foreach (string s in new[] { "hello world", "", "a\0b" }) {
			IntPtr b = Marshal.StringToBSTR(s);
			string back = Marshal.PtrToStringBSTR(b);
			Console.WriteLine("[" + back.Replace("\0", "\\0") + "] " + back.Length + " bytes " + Marshal.ReadInt32(b, -4) + " end " + Marshal.ReadInt16(b, 2 * s.Length));
			Marshal.FreeBSTR(b);
		}
		Console.WriteLine(Marshal.StringToBSTR(null) == IntPtr.Zero);
	}
}
