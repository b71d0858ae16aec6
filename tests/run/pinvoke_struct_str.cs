// Marshalling structs holding strings: a string field is a UTF-8 char *
// in native memory (LPStr, Mono's default on Unix), made by
// StructureToPtr, read back by PtrToStructure and freed by
// DestroyStructure; nested structs with strings too.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential)]
struct Person { public int Id; public string Name; [MarshalAs(UnmanagedType.LPStr)] public string City; }

struct Entry { public long Key; public Person Who; public string Note; }

static class P {
	[DllImport("libc")]
	static extern IntPtr strlen(IntPtr s);

	static void Say(string s)
	{
		Out.S(s);
		Out.L();
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
		return 0;
	}
}
