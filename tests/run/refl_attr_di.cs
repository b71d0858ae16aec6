// A tiny dependency-injection container, as programs write them: services
// registered by generic methods (so the implementation's constructors are
// known to the compiler per instantiation), resolved by reflection over
// the constructor with the most parameters, [Inject] on settable
// properties, [Singleton] on classes deciding the lifetime, interfaces
// checked with IsAssignableFrom. The implementation's generic parameter
// is annotated for the trimmer as Native AOT programs do (the Type is
// kept in a closure, where the compiler's dataflow does not follow it).
using System;
using System.Collections.Generic;
using System.Reflection;
using System.Diagnostics.CodeAnalysis;

namespace System.Diagnostics.CodeAnalysis {
	[Flags]
	enum DynamicallyAccessedMemberTypes {
		None = 0, PublicParameterlessConstructor = 1, PublicConstructors = 3,
		PublicMethods = 8, PublicFields = 0x20, PublicProperties = 0x200, All = -1,
	}
	[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.GenericParameter |
		AttributeTargets.Field | AttributeTargets.ReturnValue)]
	sealed class DynamicallyAccessedMembersAttribute : Attribute {
		public DynamicallyAccessedMembersAttribute(DynamicallyAccessedMemberTypes memberTypes) { }
	}
}

[AttributeUsage(AttributeTargets.Class)] sealed class SingletonAttribute : Attribute { }
[AttributeUsage(AttributeTargets.Property)] sealed class InjectAttribute : Attribute { }
[AttributeUsage(AttributeTargets.Class, Inherited = true)] class NamedAttribute : Attribute {
	public NamedAttribute(string name) { Name = name; }
	public string Name { get; private set; }
}

interface IClock { int Now(); }
interface ILog { void Write(string s); }
interface IGreeter { string Greet(string who); }

[Singleton, Named("fixed clock")]
class FixedClock : IClock { static int made; public FixedClock() { made++; } public int Now() { return 1200 + made; } }

class ConsoleLog : ILog {
	readonly IClock clock;
	public ConsoleLog(IClock clock) { this.clock = clock; }
	public void Write(string s) { Console.WriteLine("[" + clock.Now() + "] " + s); }
}

[Named("greeter")]
class Greeter : IGreeter {
	readonly ILog log;
	public Greeter() { }
	public Greeter(ILog log) { this.log = log; }
	[Inject] public IClock Clock { get; set; }
	public string Greet(string who) {
		log.Write("greeting " + who);
		return "hello " + who + " at " + Clock.Now();
	}
}

class Container {
	readonly Dictionary<Type, Func<object>> makers = new Dictionary<Type, Func<object>>();
	readonly Dictionary<Type, object> singletons = new Dictionary<Type, object>();

	public void Register<TService, [DynamicallyAccessedMembers(
		DynamicallyAccessedMemberTypes.PublicConstructors |
		DynamicallyAccessedMemberTypes.PublicProperties)] TImpl>() where TImpl : TService {
		Type impl = typeof(TImpl);
		if (!typeof(TService).IsAssignableFrom(impl))
			throw new InvalidOperationException("not a " + typeof(TService).Name);
		ConstructorInfo[] ctors = impl.GetConstructors();
		PropertyInfo[] props = impl.GetProperties();
		bool single = impl.IsDefined(typeof(SingletonAttribute), false);
		makers[typeof(TService)] = () => {
			object o;
			if (single && singletons.TryGetValue(impl, out o))
				return o;
			o = Make(impl, ctors, props);
			if (single)
				singletons[impl] = o;
			return o;
		};
	}

	object Make(Type impl, ConstructorInfo[] ctors, PropertyInfo[] props) {
		ConstructorInfo best = null;
		foreach (var c in ctors)
			if (best == null || c.GetParameters().Length > best.GetParameters().Length)
				best = c;
		var ps = best.GetParameters();
		var args = new object[ps.Length];
		for (int i = 0; i < ps.Length; i++)
			args[i] = Resolve(ps[i].ParameterType);
		object o = best.Invoke(args);
		foreach (var p in props)
			if (p.IsDefined(typeof(InjectAttribute), false))
				p.SetValue(o, Resolve(p.PropertyType), null);
		var named = (NamedAttribute)Attribute.GetCustomAttribute(impl, typeof(NamedAttribute));
		Console.WriteLine("made " + impl.Name + (named == null ? "" : " (" + named.Name + ")") +
			" with " + ps.Length + " argument(s)");
		return o;
	}

	public object Resolve(Type t) {
		Func<object> make;
		if (!makers.TryGetValue(t, out make))
			throw new InvalidOperationException("nothing registered for " + t.Name);
		return make();
	}
	public T Resolve<T>() { return (T)Resolve(typeof(T)); }
}

class Program {
	static void Main() {
		var c = new Container();
		c.Register<IClock, FixedClock>();
		c.Register<ILog, ConsoleLog>();
		c.Register<IGreeter, Greeter>();
		var g = c.Resolve<IGreeter>();
		Console.WriteLine(g.Greet("world"));
		Console.WriteLine(c.Resolve<IGreeter>() == g);
		Console.WriteLine(c.Resolve<IClock>() == c.Resolve<IClock>());
		try { c.Resolve(typeof(string)); }
		catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
	}
}
