// Type.GetType of names with generic arguments, qualified by assemblies or
// not (mono/tests bug-30085): each argument's assembly qualifier is
// checked and skipped; an assembly no one knows names no type.
using System;
using System.Collections.Generic;

class RefTypeName {
	static void Show(string name)
	{
		Type t = Type.GetType(name);
		Console.WriteLine(name + " -> " + (t == null ? "null" : t.ToString()));
	}

	static void Main()
	{
		Show("System.Nullable`1[[System.Int32, mscorlib]]");
		Show("System.Nullable`1[[System.Int32, mscorlibBAD]]");
		Show("System.Nullable`1[System.Int32]");
		Show("System.Nullable`1[[System.Int32, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]], mscorlib");
		Show("System.Collections.Generic.Dictionary`2[[System.String, mscorlib],[System.Int64, mscorlib]]");
		Show("System.Collections.Generic.Dictionary`2[System.String,System.Int64]");
		Show("System.Collections.Generic.List`1[[System.Collections.Generic.List`1[[System.Int32, mscorlib]], mscorlib]]");
		Show("System.Int32, mscorlib");
		Show("System.Int32, nosuchassembly");
		Show("System.String");
		Type g = Type.GetType("System.Nullable`1[[System.Int32, mscorlib]]");
		Console.WriteLine(g.Assembly.FullName.Split(',')[0]);
		GC.KeepAlive(new Dictionary<string, long>());
		GC.KeepAlive(new List<List<int>>());
	}
}
