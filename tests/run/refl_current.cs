// Reflection odds of Mono's runtime tests: MethodBase.GetCurrentMethod()
// (in generic code the open definition, as Mono answers)
// (known to the compiler at the call), Type.DeclaringType of types that
// are not nested (null), and String's constructors found by reflection
// (internal calls: Invoke makes the string with String.Ctor).
using System;
using System.Reflection;
class Box<T> {
	public T V;
	public Box(T v) { V = v; Show(MethodBase.GetCurrentMethod()); }
	public MethodBase Cur() { return MethodBase.GetCurrentMethod(); }
	public string Where() { return MethodBase.GetCurrentMethod().Name + " of " + GetType().Name; }
	static void Show(MethodBase m) { Console.WriteLine(m.Name + " " + m.IsConstructor + " " + m.GetParameters().Length); }
}
struct S { public int Get() { return MethodBase.GetCurrentMethod().Name.Length; } }
class P {
	static string Named<T>(T x) { return MethodBase.GetCurrentMethod().Name + " " + x; }
	static MethodBase Gen<T>() { return MethodBase.GetCurrentMethod(); }
	static int Main() {
		MethodBase m = MethodBase.GetCurrentMethod();
		Console.WriteLine(m.Name + " " + m.IsStatic + " " + (m.DeclaringType == typeof(P)));
		Console.WriteLine(new Box<int>(3).Where());
		Console.WriteLine(new Box<string>("s").Where());
		Console.WriteLine(Named(7) + " / " + Named("x"));
		Console.WriteLine(new S().Get());
		Console.WriteLine(MethodBase.GetCurrentMethod() == m);
		// in generic code: the open definition, whatever the instance
		Console.WriteLine(new Box<string>("t").Cur() == typeof(Box<>).GetMethod("Cur"));
		Console.WriteLine(new Box<int>(1).Cur() == typeof(Box<>).GetMethod("Cur"));
		Console.WriteLine(new Box<int>(2).Cur() == typeof(Box<int>).GetMethod("Cur"));
		MethodInfo g = (MethodInfo)Gen<long>();
		Console.WriteLine(g.Name + " " + g.IsGenericMethodDefinition + " " + (g == Gen<string>()));
		Console.WriteLine(typeof(int).DeclaringType == null);
		Console.WriteLine(typeof(int[]).DeclaringType == null);
		Console.WriteLine(typeof(P).DeclaringType == null);
		Console.WriteLine(typeof(Box<long>).DeclaringType == null);
		ConstructorInfo c = typeof(string).GetConstructor(new Type[] { typeof(char[]) });
		Console.WriteLine(c);
		Console.WriteLine(c.Invoke(new object[] { new char[] { 'h', 'i' } }));
		Console.WriteLine(typeof(string).GetConstructor(new Type[] { typeof(char[]), typeof(int), typeof(int) })
			.Invoke(new object[] { "abcdef".ToCharArray(), 1, 3 }));
		Console.WriteLine(typeof(string).GetConstructor(new Type[] { typeof(char), typeof(int) })
			.Invoke(new object[] { 'z', 4 }));
		try {
			typeof(string).GetConstructor(new Type[] { typeof(char), typeof(int) }).Invoke(new object[] { 'z', -1 });
		} catch (TargetInvocationException e) {
			Console.WriteLine("wrapped: " + e.InnerException.GetType().Name);
		}
		return typeof(string).GetConstructors().Length > 3 ? 0 : 1;
	}
}
