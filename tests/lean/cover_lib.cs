// mcs: -r:System.Core
// A library for `ilcc coverage` (cover_lib.cover: the verdict of each
// public method). MemoryMappedFile reaches internal calls the runtime lacks;
// each verdict must be the method's own, though the group shares one run:
// CallRun calls Base.Run virtually, and Bad (constructed by another root)
// overrides it with a refused body, yet CallRun alone constructs no Bad.
using System;
using System.IO.MemoryMappedFiles;

public class Base {
	public virtual void Run() {}
}

public class Bad : Base {
	public override void Run() { MemoryMappedFile.CreateNew("x", 10); }
}

public static class User {
	public static int Add(int a, int b) { return a + b; }
	public static void CallRun(Base b) { b.Run(); }
	public static T Make<T>() where T : Base, new() { return new T(); }
	public static void Pick<T>(T x) where T : struct, IDisposable {}
	public static string Twice(string s) { return s + s; }
}

public interface IShape {
	double Area();
}
