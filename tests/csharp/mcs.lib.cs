// A library for mcs.cs, passed with -r.
public static class Greeter
{
	public static string Greet(string who) { return "hello, " + who; }
}
