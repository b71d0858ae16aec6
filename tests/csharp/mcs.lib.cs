// A library for mcs.cs, passed with -r.
public static class Greeter
{
	public static string Greet(string who) { return "hello, " + who; }
	// the library's own assembly, not the program's
	public static string Home() { return System.Reflection.Assembly.GetExecutingAssembly().GetName().Name; }
}
