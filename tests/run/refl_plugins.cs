// Plugin discovery: Assembly.GetTypes(), IsAssignableFrom, then
// Activator.CreateInstance(t) inside a lambda that LINQ calls, so the
// build sees no caller passing the Type: the program's own types that it
// reaches keep their constructors (see refl_unknown).
using System;
using System.Linq;
using System.Reflection;

interface IPlugin { string Run(string s); }
abstract class PluginBase : IPlugin
{
	public abstract string Run(string s);
	public override string ToString() { return GetType().Name; }
}
sealed class Upper : PluginBase { public override string Run(string s) { return s.ToUpperInvariant(); } }
sealed class Reverse : PluginBase { public override string Run(string s) { return new string(s.Reverse().ToArray()); } }
sealed class Count : IPlugin
{
	readonly int bonus;
	public Count() { bonus = 100; }
	public string Run(string s) { return (s.Length + bonus).ToString(); }
}
class NotAPlugin { }

class P
{
	static void Main()
	{
		var plugins = Assembly.GetExecutingAssembly().GetTypes()
			.Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
			.OrderBy(t => t.Name)
			.Select(t => (IPlugin)Activator.CreateInstance(t))
			.ToList();
		foreach (var p in plugins)
			Console.WriteLine(p.GetType().Name + ": " + p.Run("plugin"));
	}
}
