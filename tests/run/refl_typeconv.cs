// TypeDescriptor.GetConverter, as settings binders and command parsers
// call it: the class library makes its intrinsic converters by
// reflection from a table of typeof constants (Int32Converter,
// EnumConverter(Type), NullableConverter(Type), ...), so those keep
// their constructors. And a Type parameter reflected on for constructors
// that is given typeof(string): String's constructors are kept as the
// String.Ctor methods that build strings (they are no methods of their
// own).
using System;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Reflection;

enum Level { Low, Mid, High }

class Program
{
	static string Conv(Type t, string s)
	{
		var c = TypeDescriptor.GetConverter(t);
		object v = c.ConvertFromString(null, CultureInfo.InvariantCulture, s);
		return c.GetType().Name + ": " + (v == null ? "null" : v.GetType().Name + " " +
			c.ConvertToString(null, CultureInfo.InvariantCulture, v));
	}

	static int Ctors(Type t)
	{
		return t.GetConstructors().Count(c => c.GetParameters().Length == 1);
	}

	static int Main()
	{
		Console.WriteLine(Conv(typeof(int), "42"));
		Console.WriteLine(Conv(typeof(double), "2.5"));
		Console.WriteLine(Conv(typeof(bool), "true"));
		Console.WriteLine(Conv(typeof(Level), "High"));
		Console.WriteLine(Conv(typeof(int?), "7"));
		Console.WriteLine(Conv(typeof(int?), ""));
		Console.WriteLine(Conv(typeof(decimal), "1.25"));
		Console.WriteLine(Conv(typeof(TimeSpan), "00:01:30"));
		Console.WriteLine(Conv(typeof(Guid), "6f9619ff-8b86-d011-b42d-00cf4fc964ff"));
		Console.WriteLine(Conv(typeof(string), "text"));
		Console.WriteLine(Conv(typeof(char), "x"));
		Console.WriteLine(Conv(typeof(long), "-5"));
		Console.WriteLine(TypeDescriptor.GetConverter(typeof(int)).ConvertFromInvariantString("12"));
		try {
			Conv(typeof(int), "nope");
		} catch (Exception e) {
			Console.WriteLine(e.GetType().Name);
		}
		Console.WriteLine(Ctors(typeof(string)) > 0);
		var ctor = typeof(string).GetConstructor(new[] { typeof(char[]) });
		Console.WriteLine(ctor.Invoke(new object[] { new[] { 'o', 'k' } }));
		return 0;
	}
}
