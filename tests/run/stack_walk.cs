// StackTrace, StackFrame and Environment.StackTrace made without an
// exception: the frames of the stack walked at run time (runtime/stack.c),
// in Mono's text; Assembly.GetCallingAssembly. The program's MVID changes
// with each compilation, so the text shows it as <mvid>; the class
// library's stays.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Walk {
class G<T> {
	[MethodImpl(MethodImplOptions.NoInlining)]
	public static string M<U>(T t, U u, int[] a) { return new StackTrace().ToString(); }
}

class Outer {
	public class Nested {
		[MethodImpl(MethodImplOptions.NoInlining)]
		public string Show(List<int> xs, ref int r, int[,] m) { return new StackTrace().ToString(); }
	}
}

struct S {
	[MethodImpl(MethodImplOptions.NoInlining)]
	public string Where() { return new StackFrame(0).GetMethod().Name + "/" + new StackFrame(1).GetMethod().Name; }
}

class P {
	static string mvid;
	static string fromCctor = new StackFrame(0).GetMethod().Name;

	// the program's own MVID as <mvid>
	static string Text(string s)
	{
		if (mvid == null) {
			int at = s.IndexOf(" in <");
			if (at >= 0)
				mvid = s.Substring(at + 4, 34);
		}
		return mvid == null ? s : s.Replace(mvid, "<mvid>");
	}

	[MethodImpl(MethodImplOptions.NoInlining)]
	static void Inner(int x, string s)
	{
		var st = new StackTrace();
		Console.WriteLine(st.FrameCount);
		Console.WriteLine(st.GetFrame(0).GetMethod().Name);
		Console.WriteLine(Text(st.ToString()));
		Console.WriteLine(Text(new StackTrace(true).ToString()));
		Console.WriteLine(new StackFrame(1).GetMethod().Name);
		Console.WriteLine(new StackFrame().ToString());
		Console.WriteLine(Text(Environment.StackTrace));
		Console.WriteLine(new StackTrace(1).FrameCount);
	}

	[MethodImpl(MethodImplOptions.NoInlining)]
	static void Mid()
	{
		Inner(1, "a");
		Console.WriteLine(Text(G<string>.M<long>("x", 2, null)));
	}

	[MethodImpl(MethodImplOptions.NoInlining)]
	static int Recurse(int n) { return n == 0 ? new StackTrace().FrameCount : Recurse(n - 1) + 0 * n; }

	[MethodImpl(MethodImplOptions.NoInlining)]
	static void Thrower() { throw new InvalidOperationException("boom"); }

	static int dummy;

	// Assembly.GetCallingAssembly: the assembly of Who's caller
	static string Who() { return Assembly.GetCallingAssembly().GetName().Name; }
	static string ViaWho() { return Who(); }

	static void Assemblies()
	{
		Console.WriteLine("calling: " + Who() + " " + ViaWho() + " " +
				  Assembly.GetCallingAssembly().GetName().Name);
		var names = new List<string>();
		new List<int> { 1 }.ForEach(x => names.Add(Who()));
		new List<int> { 1 }.ForEach(x => names.Add(Assembly.GetCallingAssembly().GetName().Name));
		Func<string> f = Who;
		names.Add(f());
		Console.WriteLine("calling: " + string.Join(" ", names));
		Console.WriteLine("executing: " + Assembly.GetExecutingAssembly().GetName().Name + " " +
				  (Assembly.GetExecutingAssembly() == typeof(P).Assembly));
	}

	static void Main()
	{
		Mid();
		Console.WriteLine(Text(new Outer.Nested().Show(null, ref dummy, null)));
		Console.WriteLine(new S().Where());
		Console.WriteLine(fromCctor);
		Console.WriteLine(Recurse(100));
		try {
			Thrower();
		} catch (Exception e) {
			Console.WriteLine("caught: " + Text(new StackTrace().ToString()));
			Console.WriteLine(e.StackTrace.Contains("Thrower"));
			var st = new StackTrace(e);
			Console.WriteLine(st.FrameCount + " " + st.GetFrame(0).GetMethod().Name + " " +
					  st.GetFrame(1).GetMethod().Name);
			Console.WriteLine(new StackTrace(e, 1).FrameCount);
		}
		new List<int> { 1 }.ForEach(x => Console.WriteLine(Text(new StackTrace().ToString())));
		var t = new Thread(() => Console.WriteLine("thread: " + Text(new StackTrace().ToString())));
		t.Start();
		t.Join();
		var sf = new StackFrame();
		Console.WriteLine(sf.GetMethod().Name + " " + sf.GetILOffset() + " " + (sf.GetFileName() == null) +
				  " " + sf.GetFileLineNumber());
		Console.WriteLine(sf.GetMethod() == MethodBase.GetCurrentMethod());
		Console.WriteLine(MethodBase.GetCurrentMethod().Name);
		Console.WriteLine(new StackFrame(1000).GetMethod() == null);
		Assemblies();
	}
}
}
