// Reflection cases from Mono's runtime tests (mono/tests), fixed in the
// conformance sessions:
// - a method returning by reference found by reflection: ReturnType is
//   T& (the C once named a descriptor never defined; bug-79684.2 reaches
//   Array.GetRawSzArrayData, which returns `ref byte`);
// - Type.FindMembers, GetMember and GetMembers on a known type find its
//   members (array-invoke);
// - a delegate's constructor invoked with a null method pointer throws
//   ArgumentNullException, wrapped (invoke);
// - attribute strings holding NULs keep them (custom-attr);
// - MethodBase.Invoke of a static method runs its class's static
//   constructor first (a class without beforefieldinit, as a call does);
//   one that failed throws the same TypeInitializationException again
//   (exception);
// - GetField, GetProperty, GetMethod and GetMember of a known type with a
//   name the build does not know (a parameter) find any of its members of
//   that kind; a null string constant's value is null
//   (reflection-const-field);
// - Type.GetType of a local that holds a string literal or whatever else
//   (the program's arguments) finds the literal's type, with its members
//   and enum names (reflection, reflection-prop, reflection-enum);
// - MethodBase.Invoke of a method returning a pointer boxes it in a
//   System.Reflection.Pointer (runtime-invoke crashed);
// - a pointer type is not assignable to object, nor an array of pointers
//   to object[] (assignable-tests);
// - MethodBase.Invoke of a method taking a Nullable<T> by reference: the
//   boxed T (or null) goes in, the new value comes back boxed in the
//   array (bug-461941).
using System;
using System.Reflection;

class RefRet {
	int v = 7;
	public ref int Slot() { return ref v; }
}

class Foo {
	public int field;
	public static int Sum(params int[] args)
	{
		int r = 0;
		foreach (int a in args)
			r += a;
		return r;
	}
	public static int Twice(int x) { return 2 * x; }
}

class NulAttribute : Attribute {
	public string val;
	public NulAttribute(string s) { val = s; }
}

[Nul("a\0b\0c")]
class WithNuls { }

static class Failing {
	static Failing() { throw new ApplicationException("cctor"); }
	public static void Foo() { }
}

static class Counted {
	public static int runs;
	static Counted() { runs = 100; }
	public static int Get() { return runs++; }
}

class P {
	static void InvokeInits()
	{
		object r = typeof(Counted).GetMethod("Get").Invoke(null, null);
		Console.WriteLine("Counted " + r);
		MethodInfo m = typeof(Failing).GetMethod("Foo");
		Exception first = null;
		for (int i = 0; i < 2; i++) {
			try {
				m.Invoke(null, null);
				Console.WriteLine("no exception");
			} catch (TargetInvocationException e) {
				Console.WriteLine(e.InnerException.GetType().Name + " " + e.InnerException.InnerException.Message);
				Console.WriteLine("same: " + (first == null || first == e.InnerException));
				first = e.InnerException;
			}
		}
	}

	static void ByRefReturn()
	{
		MethodInfo m = typeof(RefRet).GetMethod("Slot");
		Console.WriteLine(m.ReturnType + " " + m.ReturnType.IsByRef + " " + m.ReturnType.GetElementType());
		int n = 0;
		foreach (MethodInfo a in typeof(Type[]).GetMethods(BindingFlags.Public | BindingFlags.NonPublic |
				BindingFlags.Instance | BindingFlags.Static))
			if (a.Name == "GetRawSzArrayData")
				n++;
		Console.WriteLine("GetRawSzArrayData listed: " + (n > 0));
	}

	static void Members()
	{
		Foo f = new Foo();
		MemberInfo[] found = f.GetType().FindMembers(MemberTypes.All,
			BindingFlags.Public | BindingFlags.Static, Type.FilterName, "Sum");
		Console.WriteLine(found.Length + " " + found[0].Name);
		object sum = ((MethodInfo)found[0]).Invoke(null, new object[] { new int[] { 4, 5, 6 } });
		Console.WriteLine("sum " + sum);
		MemberInfo[] twice = typeof(Foo).GetMember("Twice");
		Console.WriteLine(twice.Length + " " + ((MethodInfo)twice[0]).Invoke(null, new object[] { 21 }));
		int fields = 0;
		foreach (MemberInfo mi in typeof(Foo).GetMembers())
			if (mi.MemberType == MemberTypes.Field)
				fields++;
		Console.WriteLine("fields " + fields);
	}

	static void NullDelegateMethod()
	{
		ConstructorInfo ci = typeof(Action).GetConstructor(new Type[] { typeof(object), typeof(IntPtr) });
		try {
			ci.Invoke(new object[] { new P(), IntPtr.Zero });
			Console.WriteLine("no exception");
		} catch (TargetInvocationException e) {
			ArgumentNullException an = e.InnerException as ArgumentNullException;
			Console.WriteLine(an != null ? "ArgumentNullException " + an.ParamName : e.InnerException.GetType().Name);
		}
	}

	static void NulStrings()
	{
		string s = ((NulAttribute)typeof(WithNuls).GetCustomAttributes(true)[0]).val;
		Console.WriteLine(s.Length + " " + (s == "a\0b\0c"));
	}

	class Consts {
		public const int I = -8;
		public const double D = 13.0;
		public const string S = "la la";
		public const string N = null;
		public static int Prop { get { return 42; } }
		public static int Twice(int x) { return 2 * x; }
	}

	static object Field(string n)
	{
		return typeof(Consts).GetField(n).GetValue(null);
	}

	static void ByName(string field, string prop, string method)
	{
		foreach (string n in new[] { "I", "D", "S", "N" })
			Console.WriteLine("{0} = {1}", n, Field(n) ?? "null");
		Console.WriteLine("{0} = {1}", prop, typeof(Consts).GetProperty(prop).GetValue(null, null));
		Console.WriteLine("{0} = {1}", method, typeof(Consts).GetMethod(method).Invoke(null, new object[] { 21 }));
		Console.WriteLine("members named {0}: {1}", field, typeof(Consts).GetMember(field).Length);
	}

	static void NameInLocal(string[] args)
	{
		string defaultn = "System.Reflection.ParameterAttributes";
		string name = defaultn;
		foreach (string a in args)
			name = a;
		Type t = Type.GetType(name);
		Console.WriteLine(string.Join(",", Enum.GetNames(t)));
		string cname = "System.Object";
		if (args.Length > 0)
			cname = args[0];
		Type c = Type.GetType(cname, true);
		var names = new System.Collections.Generic.List<string>();
		foreach (MethodInfo m in c.GetMethods())
			names.Add(m.ReturnType.Name + " " + m.Name);
		names.Sort(string.CompareOrdinal);
		Console.WriteLine(string.Join(", ", names));
		string sname = "System.String";
		if (args.Length > 1)
			sname = args[1];
		foreach (PropertyInfo p in Type.GetType(sname).GetProperties())
			Console.WriteLine("{0} {1}", p.PropertyType.Name, p.Name);
	}

	public static unsafe int* PtrId(int* p) { return p; }

	static unsafe void PointerResult()
	{
		int[] arr = new int[10];
		MethodInfo m = typeof(P).GetMethod("PtrId");
		fixed (int* p = &arr[5]) {
			object o = m.Invoke(null, new object[] { new IntPtr(p) });
			Console.WriteLine(o.GetType());
			Console.WriteLine(new IntPtr(Pointer.Unbox(o)) == new IntPtr(p));
			o = m.Invoke(null, new object[] { null });
			Console.WriteLine(new IntPtr(Pointer.Unbox(o)) == IntPtr.Zero);
		}
	}

	interface IA { }
	interface IB : IA { }

	static unsafe void Assignable()
	{
		Console.WriteLine("{0} {1} {2} {3} {4} {5}", typeof(object).IsAssignableFrom(typeof(int*)),
			typeof(int*).IsAssignableFrom(typeof(object)),
			typeof(object[]).IsAssignableFrom(typeof(int*[])),
			typeof(int*[]).IsAssignableFrom(typeof(object[])),
			typeof(IA).IsAssignableFrom(typeof(IB)), typeof(object).IsAssignableFrom(typeof(int)));
	}

	public static int NullableSeen;
	public static void NullableRef(ref int? x)
	{
		NullableSeen = x.HasValue ? x.Value : -1;
		x = x.HasValue ? x + 1 : 5;
	}

	static void NullableByRef()
	{
		MethodInfo m = typeof(P).GetMethod("NullableRef");
		object[] a = { 20 };
		m.Invoke(null, a);
		Console.WriteLine("{0} {1} {2}", NullableSeen, a[0], a[0].GetType());
		a[0] = null;
		m.Invoke(null, a);
		Console.WriteLine("{0} {1}", NullableSeen, a[0]);
	}

	static int Main(string[] args)
	{
		NullableByRef();
		Assignable();
		PointerResult();
		ByName("S", "Prop", "Twice");
		NameInLocal(args);
		ByRefReturn();
		Members();
		NullDelegateMethod();
		NulStrings();
		InvokeInits();
		return 0;
	}
}
