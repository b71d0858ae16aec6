// C# 10 structs with their own parameterless constructor and field
// initializers: `new S()` runs it, `default` and array elements do not;
// Activator.CreateInstance(typeof(S)) and `new T()` run it too, as Mono's
// (ilcc's Activator for a boxed struct used to give the zeroed value).
using System;
using System.Linq;
using static Out;

struct Settings
{
	public string Name = "default";
	public int Retries = 3;
	public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
	public Settings() { }
	public Settings(string name) { Name = name; Retries = 1; }
	public override string ToString() => $"{Name ?? "<null>"}/{Retries}/{Timeout.TotalSeconds}s";
}

struct Counter
{
	public int Value;
	public Counter() { Value = 100; }
}

struct Plain { public int X; }

record struct Rec(int V = 42)
{
	public Rec() : this(7) { }
}

class Program
{
	static T Make<T>() where T : new() => new T();

	static void Main()
	{
		Settings d = default;
		L($"{new Settings()} | {d} | {new Settings("custom")} | {(new Settings[1])[0]}");
		L($"{Make<Settings>()} | {Make<Counter>().Value} | {Make<Plain>().X}");
		L($"{Activator.CreateInstance(typeof(Settings))} | {((Counter)Activator.CreateInstance(typeof(Counter))).Value}");
		L($"{((Plain)Activator.CreateInstance(typeof(Plain))).X} | {Activator.CreateInstance<Counter>().Value}");
		L($"{new Rec()} | {default(Rec)} | {new Rec(5)} | {Activator.CreateInstance(typeof(Rec))}");
		L(string.Join(",", Enumerable.Range(0, 3).Select(_ => new Counter().Value)));
	}
}
