// Marshalling blittable structs: Marshal.SizeOf, OffsetOf, StructureToPtr
// and PtrToStructure through native memory (sequential and explicit
// layout, nested structs, fixed buffers), and structs as P/Invoke
// arguments by value, by ref and out, and as a return value.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential)]
struct Point { public int X; public int Y; }

struct Mixed { public byte B; public long L; public short S; public double D; }

struct Rect { public Point TopLeft; public Point BottomRight; public byte Tag; }

[StructLayout(LayoutKind.Explicit)]
struct Union { [FieldOffset(0)] public int I; [FieldOffset(0)] public float F; [FieldOffset(4)] public short Hi; }

namespace Outer { static class Ns { public struct Inner { public int A; } } }

unsafe struct Buf { public int Len; public fixed byte Data[6]; }

[StructLayout(LayoutKind.Sequential)]
struct timeval { public long tv_sec; public long tv_usec; }

[StructLayout(LayoutKind.Sequential)]
struct div_t { public int quot; public int rem; }

[StructLayout(LayoutKind.Sequential)]
struct tm {
	public int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
	public long tm_gmtoff;
	public IntPtr tm_zone;
}

static unsafe class P {
	[DllImport("libc")]
	static extern int gettimeofday(out timeval tv, IntPtr tz);
	[DllImport("libc")]
	static extern div_t div(int a, int b);
	[DllImport("libc")]
	static extern IntPtr gmtime_r(ref long t, out tm result);
	[DllImport("libc")]
	static extern long timegm(ref tm t);
	[DllImport("libc")]
	static extern IntPtr memcpy(IntPtr dst, ref Point src, IntPtr n);
	[DllImport("libc")]
	static extern int memcmp(ref Rect a, ref Rect b, IntPtr n);

	static void Say(string s)
	{
		Out.S(s);
		Out.L();
	}

	static void Sizes()
	{
		Say("Point " + Marshal.SizeOf(typeof(Point)) + " " + Marshal.SizeOf<Point>());
		Say("Mixed " + Marshal.SizeOf(typeof(Mixed)) + " L@" + Marshal.OffsetOf(typeof(Mixed), "L")
		    + " S@" + Marshal.OffsetOf(typeof(Mixed), "S") + " D@" + Marshal.OffsetOf<Mixed>("D"));
		Say("Rect " + Marshal.SizeOf(typeof(Rect)) + " Tag@" + Marshal.OffsetOf(typeof(Rect), "Tag"));
		Say("Union " + Marshal.SizeOf(typeof(Union)) + " Hi@" + Marshal.OffsetOf(typeof(Union), "Hi"));
		Say("Buf " + Marshal.SizeOf(typeof(Buf)));
		try { Marshal.OffsetOf(typeof(Mixed), "Nope"); }
		catch (ArgumentException e) { Say("no field: " + e.Message); }
		// Mono's message names the type by its Name, not its FullName
		try { Marshal.OffsetOf(typeof(Outer.Ns.Inner), "Nope"); }
		catch (ArgumentException e) { Say("no field: " + e.Message); }
		Say("tm " + Marshal.SizeOf(typeof(tm)) + " gmtoff@" + Marshal.OffsetOf(typeof(tm), "tm_gmtoff"));
		Say("int " + Marshal.SizeOf(typeof(int)) + " " + Marshal.SizeOf(3L));
	}

	static void RoundTrips()
	{
		IntPtr p = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(Rect)));
		var r = new Rect { TopLeft = new Point { X = 1, Y = 2 }, BottomRight = new Point { X = 30, Y = 40 }, Tag = 7 };
		Marshal.StructureToPtr(r, p, false);
		Say("raw " + Marshal.ReadInt32(p, 0) + " " + Marshal.ReadInt32(p, 4) + " " + Marshal.ReadInt32(p, 12)
		    + " " + Marshal.ReadByte(p, 16));
		Marshal.WriteInt32(p, 8, 99);
		var back = (Rect)Marshal.PtrToStructure(p, typeof(Rect));
		Say("back " + back.TopLeft.X + " " + back.TopLeft.Y + " " + back.BottomRight.X + " " + back.BottomRight.Y + " " + back.Tag);
		Point q = Marshal.PtrToStructure<Point>(p + 8);
		Say("generic " + q.X + " " + q.Y);
		Marshal.FreeHGlobal(p);

		p = Marshal.AllocHGlobal(Marshal.SizeOf<Union>());
		var u = new Union();
		u.F = 1.0f;
		u.Hi = -2;
		Marshal.StructureToPtr(u, p, false);
		Say("union " + Marshal.ReadInt32(p).ToString("x") + " " + Marshal.ReadInt16(p, 4));
		Marshal.WriteInt32(p, 0, 0x40000000);
		var u2 = Marshal.PtrToStructure<Union>(p);
		Say("union back " + u2.F + " " + u2.I.ToString("x") + " " + u2.Hi);
		Marshal.FreeHGlobal(p);

		p = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(Buf)));
		var b = new Buf();
		b.Len = 3;
		for (int i = 0; i < 6; i++)
			b.Data[i] = (byte)(i * 10);
		Marshal.StructureToPtr(b, p, false);
		Say("buf raw " + Marshal.ReadInt32(p) + " " + Marshal.ReadByte(p, 4) + " " + Marshal.ReadByte(p, 9));
		Marshal.WriteByte(p, 5, 77);
		var b2 = (Buf)Marshal.PtrToStructure(p, typeof(Buf));
		Say("buf back " + b2.Len + " " + b2.Data[0] + " " + b2.Data[1] + " " + b2.Data[5]);
		Marshal.FreeHGlobal(p);

		p = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(Mixed)));
		var m = new Mixed { B = 200, L = -1234567890123L, S = -5, D = 2.5 };
		Marshal.StructureToPtr(m, p, false);
		var m2 = Marshal.PtrToStructure<Mixed>(p);
		Say("mixed " + m2.B + " " + m2.L + " " + m2.S + " " + m2.D);
		Marshal.FreeHGlobal(p);
	}

	static void PInvoke()
	{
		timeval tv;
		int rc = gettimeofday(out tv, IntPtr.Zero);
		Say("gettimeofday " + rc + " " + (tv.tv_sec > 1500000000) + " " + (tv.tv_usec >= 0 && tv.tv_usec < 1000000));
		div_t d = div(47, 5);
		Say("div " + d.quot + " " + d.rem);
		d = div(-47, 5);
		Say("div " + d.quot + " " + d.rem);
		long t = 86400L * 365 + 3600 * 5 + 61;
		tm when;
		IntPtr res = gmtime_r(ref t, out when);
		Say("gmtime_r " + (res != IntPtr.Zero) + " " + (when.tm_year + 1900) + "-" + (when.tm_mon + 1) + "-" + when.tm_mday
		    + " " + when.tm_hour + ":" + when.tm_min + ":" + when.tm_sec + " wday " + when.tm_wday + " yday " + when.tm_yday);
		when.tm_mday += 1;
		Say("timegm " + timegm(ref when));
		var pt = new Point { X = 5, Y = -6 };
		IntPtr mem = Marshal.AllocHGlobal(8);
		memcpy(mem, ref pt, (IntPtr)8);
		Say("memcpy " + Marshal.ReadInt32(mem) + " " + Marshal.ReadInt32(mem, 4));
		Marshal.FreeHGlobal(mem);
		var r1 = new Rect { Tag = 1 };
		var r2 = new Rect { Tag = 1 };
		Say("memcmp " + memcmp(ref r1, ref r2, (IntPtr)17));
		r2.BottomRight.Y = 1;
		Say("memcmp " + (memcmp(ref r1, ref r2, (IntPtr)17) < 0));
	}

	static int Main()
	{
		Sizes();
		RoundTrips();
		PInvoke();
		return 0;
	}
}
