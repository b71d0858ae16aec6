// P/Invoke: C functions of libc with blittable arguments, strings and
// arrays; a Windows library, which is not there, raises DllNotFoundException
// when called (and only then); [Flags] enums print through Enum.ToString.
using System;
using System.Runtime.InteropServices;

[Flags]
enum Perm { None = 0, Read = 1, Write = 2, Exec = 4 }

enum Color { Red, Green, Blue }

static class P {
	[DllImport("libc")]
	static extern int abs(int x);
	[DllImport("libc")]
	static extern IntPtr strlen(string s);
	[DllImport("libc")]
	static extern int atoi(string s);
	[DllImport("libc")]
	static extern int memcmp(byte[] a, byte[] b, IntPtr n);
	[DllImport("kernel32.dll")]
	static extern uint GetTickCount();
	[DllImport("advapi32.dll")]
	static extern int RegCloseKey(IntPtr key);

	static void Say(string s)
	{
		Out.S(s);
		Out.L();
	}

	static void Windows(int which)
	{
		try {
			if (which == 0)
				Say("ticks " + GetTickCount());
			else
				Say("close " + RegCloseKey(IntPtr.Zero));
		} catch (TypeLoadException e) {
			// mono: EntryPointNotFoundException for kernel32, DllNotFound
			// for advapi32; ilcc: DllNotFoundException for both
			Say((which == 0 || e is DllNotFoundException) ? "not found " + which : e.ToString());
		}
	}

	static int Main()
	{
		Say("abs " + abs(-42));
		Say("strlen " + strlen("hello, world"));
		Say("atoi " + atoi("  1234xyz"));
		byte[] a = { 1, 2, 3 }, b = { 1, 2, 4 };
		Say("memcmp " + Math.Sign(memcmp(a, b, (IntPtr)3)) + " " + memcmp(a, a, (IntPtr)3));
		if (Environment.OSVersion.Platform == PlatformID.Unix) {
			Windows(0);
			Windows(1);
		}
		Say(Perm.Read.ToString());
		Say((Perm.Read | Perm.Exec).ToString());
		Say(((Perm)8).ToString());
		Say(Perm.None.ToString());
		Say(Color.Blue.ToString());
		Say(((Color)7).ToString());
		return 0;
	}
}
