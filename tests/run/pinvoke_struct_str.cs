// Marshalling structs holding strings: a string field is a UTF-8 char *
// in native memory (LPStr, Mono's default on Unix), made by
// StructureToPtr, read back by PtrToStructure and freed by
// DestroyStructure; nested structs with strings too. Converted fields
// (Converted): bool (4 bytes, or 1 with U1), char (1 byte ANSI),
// ByValTStr (inline, NUL-terminated, cut to fit), LPWStr, and a
// CharSet.Unicode struct (char 2 bytes, strings UTF-16). A class with
// sequential layout (Classes) is marshalled as a struct of its fields;
// PtrToStructure(p, typeof(C)) runs no constructor, as Mono.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential)]
struct Person { public int Id; public string Name; [MarshalAs(UnmanagedType.LPStr)] public string City; }

struct Entry { public long Key; public Person Who; public string Note; }

struct Flags { public int A; public bool F; public char C; public short S; }

struct Mixed {
	public int Id;
	[MarshalAs(UnmanagedType.ByValTStr, SizeConst = 8)] public string Code;
	[MarshalAs(UnmanagedType.LPWStr)] public string Wide;
	[MarshalAs(UnmanagedType.U1)] public bool One;
	public bool Four;
}

[StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
struct Unicode { public char C; public string Name; [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 6)] public string Code; }

[StructLayout(LayoutKind.Sequential)]
class Record {
	public int X; public double Y; public string S;
	public Record() { X = 99; Out.S("constructor"); Out.L(); }
}

static class P {
	[DllImport("libc")]
	static extern IntPtr strlen(IntPtr s);

	static void Say(string s)
	{
		Out.S(s);
		Out.L();
	}

	static void Converted()
	{
		Say("Flags " + Marshal.SizeOf(typeof(Flags)) + " C@" + Marshal.OffsetOf(typeof(Flags), "C")
		    + " S@" + Marshal.OffsetOf(typeof(Flags), "S"));
		Say("Mixed " + Marshal.SizeOf(typeof(Mixed)) + " Wide@" + Marshal.OffsetOf(typeof(Mixed), "Wide")
		    + " One@" + Marshal.OffsetOf(typeof(Mixed), "One") + " Four@" + Marshal.OffsetOf(typeof(Mixed), "Four"));
		Say("Unicode " + Marshal.SizeOf(typeof(Unicode)) + " Name@" + Marshal.OffsetOf(typeof(Unicode), "Name")
		    + " Code@" + Marshal.OffsetOf(typeof(Unicode), "Code"));
		var m = new Mixed { Id = 7, Code = "ABCDEFGHIJ", Wide = "wide", One = true, Four = true };
		IntPtr p = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(Mixed)));
		Marshal.StructureToPtr(m, p, false);
		Say("native " + Marshal.ReadByte(p, 4 + 7) + " " + Marshal.ReadByte(p, 4 + 6) + " "
		    + Marshal.ReadInt32(p, 28) + " " + Marshal.ReadByte(p, 24) + " "
		    + Marshal.PtrToStringUni(Marshal.ReadIntPtr(p, 16)));
		var m2 = (Mixed)Marshal.PtrToStructure(p, typeof(Mixed));
		Say("back " + m2.Id + " " + m2.Code + " " + m2.Wide + " " + m2.One + " " + m2.Four);
		Marshal.DestroyStructure(p, typeof(Mixed));
		Marshal.FreeHGlobal(p);
		var f = new Flags { A = 1, F = true, C = 'x', S = 3 };
		p = Marshal.AllocHGlobal(16);
		Marshal.StructureToPtr(f, p, false);
		Say("flags " + Marshal.ReadInt32(p, 4) + " " + Marshal.ReadByte(p, 8));
		Marshal.WriteInt32(p, 4, 0);
		var f2 = (Flags)Marshal.PtrToStructure(p, typeof(Flags));
		Say("flags back " + f2.A + " " + f2.F + " " + f2.C + " " + f2.S);
		Marshal.FreeHGlobal(p);
		var u = new Unicode { C = 'Z', Name = "nm", Code = "0123456789" };
		p = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(Unicode)));
		Marshal.StructureToPtr(u, p, false);
		var u2 = (Unicode)Marshal.PtrToStructure(p, typeof(Unicode));
		Say("unicode " + u2.C + " " + u2.Name + " " + u2.Code + " " + Marshal.ReadInt16(p, 0)
		    + " " + Marshal.PtrToStringUni(Marshal.ReadIntPtr(p, 8)));
		Marshal.DestroyStructure(p, typeof(Unicode));
		Marshal.FreeHGlobal(p);
	}

	static void Classes()
	{
		Say("Record " + Marshal.SizeOf(typeof(Record)) + " S@" + Marshal.OffsetOf(typeof(Record), "S"));
		var r = new Record { X = 3, Y = 2.5, S = "kk" };
		IntPtr p = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(Record)));
		Marshal.StructureToPtr(r, p, false);
		Say("native " + Marshal.ReadInt32(p) + " " + Marshal.PtrToStringAnsi(Marshal.ReadIntPtr(p, 16)));
		Marshal.WriteInt32(p, 5);
		var r2 = (Record)Marshal.PtrToStructure(p, typeof(Record));
		Say("back " + r2.X + " " + r2.Y + " " + r2.S);
		var r3 = new Record();
		Marshal.PtrToStructure(p, r3);
		Say("into " + r3.X + " " + r3.Y + " " + r3.S);
		Marshal.DestroyStructure(p, typeof(Record));
		Marshal.FreeHGlobal(p);
	}

	static int Main()
	{
		Say("Person " + Marshal.SizeOf(typeof(Person)) + " Name@" + Marshal.OffsetOf(typeof(Person), "Name")
		    + " City@" + Marshal.OffsetOf(typeof(Person), "City"));
		Say("Entry " + Marshal.SizeOf<Entry>() + " Note@" + Marshal.OffsetOf<Entry>("Note"));
		IntPtr p = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(Person)));
		var who = new Person { Id = 7, Name = "Zoë", City = null };
		Marshal.StructureToPtr(who, p, false);
		IntPtr name = Marshal.ReadIntPtr(p, 8);
		Say("native " + Marshal.ReadInt32(p) + " " + strlen(name) + " " + Marshal.PtrToStringAnsi(name).Length
		    + " city null " + (Marshal.ReadIntPtr(p, 16) == IntPtr.Zero));
		Marshal.WriteIntPtr(p, 16, Marshal.StringToHGlobalAnsi("Oslo"));
		var back = (Person)Marshal.PtrToStructure(p, typeof(Person));
		Say("back " + back.Id + " " + back.Name.Length + " " + back.City);
		who.Name = "Ada";
		Marshal.StructureToPtr(who, p, true);
		Say("again " + Marshal.PtrToStringAnsi(Marshal.ReadIntPtr(p, 8)) + " " + Marshal.PtrToStructure<Person>(p).Name);
		Marshal.DestroyStructure(p, typeof(Person));
		Marshal.FreeHGlobal(p);

		p = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(Entry)));
		var e = new Entry { Key = 1L << 40, Who = new Person { Id = 3, Name = "Bob", City = "Rome" }, Note = "hi" };
		Marshal.StructureToPtr(e, p, false);
		var e2 = Marshal.PtrToStructure<Entry>(p);
		Say("entry " + e2.Key + " " + e2.Who.Id + " " + e2.Who.Name + " " + e2.Who.City + " " + e2.Note);
		Marshal.DestroyStructure<Entry>(p);
		Marshal.StructureToPtr<Entry>(e, p, false);
		Say("generic " + Marshal.PtrToStringAnsi(Marshal.ReadIntPtr(p, 32)) + " size " + Marshal.SizeOf(e));
		Marshal.DestroyStructure(p, typeof(Entry));
		Marshal.FreeHGlobal(p);
		try {
			Say("offset " + Marshal.OffsetOf(typeof(Person), "Nope"));
		} catch (ArgumentException) {
			Say("no field Nope");
		}
		Converted();
		Classes();
		return 0;
	}
}
