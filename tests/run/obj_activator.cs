// Activator.CreateInstance(Type) with the type named by typeof at the
// call: ilcc keeps that type's parameterless constructor (and makes the
// type constructed), and the runtime's CreateInstanceDefaultCtor finds it
// in the type descriptor. Errors as Mono gives them. MakeGenericType with
// arguments known at build time (typeof, directly or through a local
// written once) finds the instance the compiler made.
using System;

abstract class Shape { public abstract string Name(); }
class Circle : Shape {
	public static int Made;
	public Circle() { Made++; }
	public override string Name() { return "circle #" + Made; }
}
class NoDefault { public NoDefault(int x) { } }
class Thrower { public Thrower() { throw new InvalidOperationException("ctor failed"); } }
class Hidden {
	public int Value;
	private Hidden() { Value = 42; }
}
interface IBox<T> { T Get(int a, int b, int c, T t); string Name(); }
class Box<T> : IBox<T> {
	public T Get(int a, int b, int c, T t) { return t; }
	public string Name() { return "box of " + typeof(T).Name; }
}
class Pair<A, B> { public override string ToString() { return typeof(A).Name + "+" + typeof(B).Name; } }
struct Point { public int X, Y; public override string ToString() { return "(" + X + "," + Y + ")"; } }

static class ActivatorTest {
	static void Show(string what, Func<object> make)
	{
		try {
			object o = make();
			Out.L(what, o == null ? "null" : o.ToString());
		} catch (Exception e) {
			string inner = e.InnerException == null ? "" :
				" / " + e.InnerException.GetType().Name + ": " + e.InnerException.Message;
			Out.L(what, e.GetType().Name + ": " + e.Message + inner);
		}
	}

	static int Main()
	{
		Shape s = (Shape)Activator.CreateInstance(typeof(Circle));
		Out.L("made", s.Name());
		Out.L("made again", ((Shape)Activator.CreateInstance(typeof(Circle), false)).Name());
		Show("struct", () => Activator.CreateInstance(typeof(Point)));
		Show("nullable", () => Activator.CreateInstance(typeof(int?)));
		Show("int", () => Activator.CreateInstance(typeof(int)));
		Show("abstract", () => Activator.CreateInstance(typeof(Shape)));
		Show("no default", () => Activator.CreateInstance(typeof(NoDefault)));
		Show("throws", () => Activator.CreateInstance(typeof(Thrower)));
		Show("private", () => Activator.CreateInstance(typeof(Hidden)));
		Show("private, nonPublic", () => ((Hidden)Activator.CreateInstance(typeof(Hidden), true)).Value);
		Show("string", () => Activator.CreateInstance(typeof(string)));
		Show("interface", () => Activator.CreateInstance(typeof(IDisposable)));
		Show("array", () => Activator.CreateInstance(typeof(int[])));
		Show("generic", () => Activator.CreateInstance(typeof(System.Collections.Generic.List<string>)));
		Type t = typeof(sbyte);
		object o = Activator.CreateInstance(typeof(Box<>).MakeGenericType(new Type[] { t }));
		var box = (IBox<sbyte>)o;
		Out.L("made box", box.Get(1, 2, 3, (sbyte)-0x55) + " " + box.Name());
		Type made = typeof(Pair<,>).MakeGenericType(typeof(int), typeof(string));
		Out.L("made type", made.ToString());
		Out.L("made pair", Activator.CreateInstance(made).ToString());
		Out.L("same as typeof", typeof(Box<>).MakeGenericType(typeof(long)) == typeof(Box<long>));
		Out.L("IEnumerable<object> from IEnumerable<string>",
		      typeof(System.Collections.Generic.IEnumerable<object>).IsAssignableFrom(typeof(System.Collections.Generic.IEnumerable<string>)));
		Out.L("IComparer<string> from IComparer<object>",
		      typeof(System.Collections.Generic.IComparer<string>).IsAssignableFrom(typeof(System.Collections.Generic.IComparer<object>)));
		Out.L("object from int", typeof(object).IsAssignableFrom(typeof(int)));
		Out.L("string from object", typeof(string).IsAssignableFrom(typeof(object)));
		Out.L("Shape from Circle", typeof(Shape).IsAssignableFrom(typeof(Circle)));
		Out.L("definition", typeof(Box<>).IsGenericTypeDefinition + " " + typeof(Box<int>).IsGenericTypeDefinition);
		Out.L("parameter", typeof(int).IsGenericParameter);
		try {
			Activator.CreateInstance(null);
		} catch (ArgumentNullException e) {
			Out.L("null", e.ParamName);
		}
		return Circle.Made;
	}
}
