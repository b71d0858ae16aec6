// Static constructors: run once, on first access to a static field or first
// instance creation, in the order of first use; a base class's static
// constructor is not triggered by the derived one's, but `new Derived()`
// triggers it through the base's instance constructor; static field
// initializers run in textual order; an exception in a static constructor
// surfaces as TypeInitializationException, and every later access to the
// type throws it again without running the constructor again.
using System;

static class Log {
	public static string text = "";
	public static int lazyInits;
	public static void Add(string s) { text += s + " "; }
}

class A {
	public static int x;
	static A() { Log.Add("A.cctor"); x = 10; }
	public static int Get() { return x; }
}

class B : A {
	public static int y = Init("B.y");
	public static int z = Init("B.z");
	static B() { Log.Add("B.cctor"); }
	static int Init(string s) { Log.Add(s); return s.Length; }
	public B() { Log.Add("B.ctor"); }
}

class C {
	public static readonly C Instance = new C();
	public static int created;
	C() { created++; Log.Add("C.ctor"); }
	static C() { Log.Add("C.cctor"); }
}

// No explicit static constructor (beforefieldinit): the initializer may run
// any time before the first access, so only its count is checked.
class Lazy2 {
	static int value = Compute();
	static int Compute() { Log.lazyInits++; return 7; }
	public static int Value { get { return value; } }
}

class Broken {
	public static int count;
	static int attempts;
	static Broken() { attempts++; Log.Add("Broken.cctor"); throw new InvalidOperationException("boom"); }
	public static int Attempts() { return attempts; }
}

class Gen<T> {
	public static string tag;
	static Gen() { Log.Add("Gen.cctor"); tag = "set"; }
}

// new Derived() runs the base's static constructor too (its instance
// constructor is invoked), after the derived one's.
class Base2 {
	static Base2() { Log.Add("Base2.cctor"); }
	public Base2() { Log.Add("Base2.ctor"); }
}

class Derived2 : Base2 {
	static Derived2() { Log.Add("Derived2.cctor"); }
	public Derived2() { Log.Add("Derived2.ctor"); }
}

// A value type's instance method triggers its static constructor.
struct SM {
	static int k;
	static SM() { Log.Add("SM.cctor"); k = 4; }
	public int x;
	public int Get() { return x + k; }
}

struct SV {
	public static int s;
	static SV() { Log.Add("SV.cctor"); s = 3; }
	public int v;
}

static class Cctor {
	static void Flush(string label) { Out.L(label + ": " + Log.text); Log.text = ""; }

	static int Main()
	{
		Flush("start");
		Out.L("A.Get", A.Get());
		Flush("after A");
		Out.L("A.Get again", A.Get());
		Flush("no rerun");
		Out.L("B.y", B.y);
		Flush("after B.y");
		new B();
		Flush("after new B");
		Out.L("C.created", C.created);
		Out.L("Instance", C.Instance != null);
		Flush("after C");
		Out.L("Lazy2", Lazy2.Value + Lazy2.Value);
		Out.L("Lazy2 inits", Log.lazyInits);
		SV sv = new SV();
		sv.v = 1;
		Flush("struct local");
		Out.L("SV.s", SV.s + sv.v);
		Flush("after SV.s");
		Out.L("Gen<int>", Gen<int>.tag);
		Out.L("Gen<string>", Gen<string>.tag);
		Out.L("Gen<int> again", Gen<int>.tag);
		Flush("after Gen");
		new Derived2();
		Flush("after new Derived2");
		SM sm = new SM();
		sm.x = 1;
		Flush("struct SM local");
		Out.L("SM.Get", sm.Get());
		Flush("after SM.Get");

		int caught = 0;
		for (int i = 0; i < 3; i++) {
			try {
				Broken.count++;
				Out.L("no exception");
			} catch (TypeInitializationException e) {
				caught++;
				Exception inner = e.InnerException;
				Out.L("TypeInitializationException, inner " + (inner is InvalidOperationException ? inner.Message : "other"));
			}
		}
		try {
			Out.L("Attempts", Broken.Attempts());
		} catch (TypeInitializationException) {
			Out.L("method call also throws");
		}
		Flush("after Broken");
		return caught;
	}
}
