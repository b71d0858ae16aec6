// Reflection over Types the build cannot name, in the program's own code:
// an object dumper over o.GetType().GetProperties() (nested objects of
// types never named with typeof), and a small DI container that keeps
// Types in a dictionary and calls GetConstructors() / Invoke on them
// through a Type parameter. ilcc keeps those members of every type of
// the program's own that it reaches (it warns ILCC1001: a class library
// type would not be found); Native AOT finds nothing here.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;

class Customer { public string Name { get; set; } public int Tier { get; set; } }
class Line { public string Sku { get; set; } public decimal Price { get; set; } }
class Order
{
	public int Id { get; set; }
	public Customer Customer { get; set; }
	public List<Line> Lines { get; set; }
	int Hidden { get; set; }
}

interface IClock { string Now(); }
interface ILog { void Log(string m); }
class FixedClock : IClock { public string Now() { return "12:00"; } }
class Logger : ILog
{
	readonly IClock clock;
	public Logger(IClock clock) { this.clock = clock; }
	public void Log(string m) { Console.WriteLine("[" + clock.Now() + "] " + m); }
}
class Service
{
	public readonly ILog Logger;
	public Service(ILog log) { Logger = log; }
	public Service(ILog log, int unused) { Logger = log; }
}

class Container
{
	readonly Dictionary<Type, Type> map = new Dictionary<Type, Type>();
	public void Add<TService, TImpl>() where TImpl : TService { map[typeof(TService)] = typeof(TImpl); }
	public T Get<T>() { return (T)Get(typeof(T)); }
	object Get(Type t) { return Create(map[t]); }
	object Create(Type impl)
	{
		var ctor = impl.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
		return ctor.Invoke(ctor.GetParameters().Select(p => Get(p.ParameterType)).ToArray());
	}
}

class P
{
	static void Dump(StringBuilder sb, object o, int depth)
	{
		if (o == null || o is string || o.GetType().IsPrimitive || o is decimal) {
			sb.Append(o ?? "null");
			return;
		}
		if (o is System.Collections.IEnumerable) {
			sb.Append('[');
			foreach (var x in (System.Collections.IEnumerable)o) {
				Dump(sb, x, depth + 1);
				sb.Append(';');
			}
			sb.Append(']');
			return;
		}
		sb.Append(o.GetType().Name).Append('{');
		foreach (var p in o.GetType().GetProperties().OrderBy(p => p.Name)) {
			sb.Append(p.Name).Append('=');
			Dump(sb, p.GetValue(o, null), depth + 1);
			sb.Append(' ');
		}
		sb.Append('}');
	}

	static void Main()
	{
		var order = new Order { Id = 7, Customer = new Customer { Name = "Ada", Tier = 2 },
			Lines = new List<Line> { new Line { Sku = "a", Price = 1.5m }, new Line { Sku = "b", Price = 2m } } };
		var sb = new StringBuilder();
		Dump(sb, order, 0);
		Console.WriteLine(sb);
		var c = new Container();
		c.Add<IClock, FixedClock>();
		c.Add<ILog, Logger>();
		c.Add<Service, Service>();
		c.Get<Service>().Logger.Log("resolved");
		Console.WriteLine(c.Get<IClock>().GetType().Name);
	}
}
