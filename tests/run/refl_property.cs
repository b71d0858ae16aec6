// Properties by reflection: typeof(X).GetProperty("Name") (and
// GetProperties) with the type and name known at build time keeps those
// properties (rt_properties) and their accessors. GetValue, SetValue,
// PropertyType, CanRead/CanWrite, overrides, statics, non-public ones
// with BindingFlags, indexers, structs, and Mono's errors.
// Events too: GetEvent/GetEvents, EventInfo's accessors, AddEventHandler
// and RemoveEventHandler (instance and static), inherited and non-public.
using System;
using System.Reflection;
class Base { public virtual string Name { get { return "base"; } } public int Hidden { get; private set; } }
class Thing : Base {
	public override string Name { get { return "item"; } }
	public int Count { get; set; }
	public static string Kind { get { return "static"; } }
	string secret = "s";
	private string Secret { get { return secret; } set { secret = value; } }
	public int this[int i] { get { return i * 10; } }
	public int ReadOnly { get { return 5; } }
}
struct Pt { public int X { get; set; } }
class P {
	static void Main() {
		var it = new Thing { Count = 3 };
		PropertyInfo c = typeof(Thing).GetProperty("Count");
		Console.WriteLine(c.Name + " " + c.PropertyType.Name + " " + c.CanRead + " " + c.CanWrite + " " + c.DeclaringType.Name);
		Console.WriteLine(c.GetValue(it, null));
		c.SetValue(it, 7, null);
		Console.WriteLine(it.Count + " " + c.GetValue(it));
		Console.WriteLine(typeof(Thing).GetProperty("Name").GetValue(it));
		Console.WriteLine(typeof(Base).GetProperty("Name").GetValue(it));
		Console.WriteLine(typeof(Thing).GetProperty("Kind").GetValue(null));
		PropertyInfo s = typeof(Thing).GetProperty("Secret", BindingFlags.NonPublic | BindingFlags.Instance);
		s.SetValue(it, "changed");
		Console.WriteLine(s.GetValue(it) + " " + (typeof(Thing).GetProperty("Secret") == null));
		Console.WriteLine(typeof(Thing).GetProperty("Item").GetValue(it, new object[] { 4 }));
		PropertyInfo ro = typeof(Thing).GetProperty("ReadOnly");
		Console.WriteLine(ro.CanWrite + " " + (ro.GetSetMethod() == null));
		try { ro.SetValue(it, 1); } catch (Exception e) { Console.WriteLine(e.GetType().Name); }
		try { c.SetValue(it, "x"); } catch (Exception e) { Console.WriteLine(e.GetType().Name); }
		object pt = new Pt();
		typeof(Pt).GetProperty("X").SetValue(pt, 9);
		Console.WriteLine(typeof(Pt).GetProperty("X").GetValue(pt));
		int n = 0;
		foreach (var p in typeof(Thing).GetProperties()) n++;
		Console.WriteLine("properties: " + n);
		Console.WriteLine(typeof(Thing).GetProperty("Nope") == null);
		Events.Run();
	}
}

class Button {
	public event EventHandler Click;
	public static event Action<int> Changed;
	event EventHandler Hidden;
	public void Fire() { if (Click != null) Click(this, EventArgs.Empty); else Console.WriteLine("no handlers"); if (Hidden != null) Hidden(this, null); }
	public static void FireChanged(int v) { if (Changed != null) Changed(v); }
}
class Fancy : Button { public event EventHandler Hover; public void H() { if (Hover != null) Hover(null, null); } }

static class Events {
	static void OnClick(object s, EventArgs e) { Console.WriteLine("clicked " + s.GetType().Name); }
	public static void Run() {
		var b = new Button();
		EventInfo ev = typeof(Button).GetEvent("Click");
		Console.WriteLine(ev.Name + " " + ev.EventHandlerType + " " + ev.DeclaringType + " " + ev.Attributes);
		Console.WriteLine(ev.GetAddMethod().Name + " " + ev.GetRemoveMethod().Name + " " + (ev.GetRaiseMethod() == null));
		EventHandler h = OnClick;
		ev.AddEventHandler(b, h);
		b.Fire();
		ev.RemoveEventHandler(b, h);
		b.Fire();
		EventInfo sc = typeof(Button).GetEvent("Changed");
		Action<int> a = v => Console.WriteLine("changed " + v);
		sc.AddEventHandler(null, a);
		Button.FireChanged(7);
		sc.RemoveEventHandler(null, a);
		Button.FireChanged(8);
		foreach (EventInfo e in typeof(Fancy).GetEvents())
			Console.WriteLine("Fancy public: " + e.Name + " " + e.DeclaringType.Name + " " + e.ReflectedType.Name);
		foreach (EventInfo e in typeof(Button).GetEvents(BindingFlags.NonPublic | BindingFlags.Instance))
			Console.WriteLine("Button nonpublic: " + e.Name);
		Console.WriteLine(typeof(Button).GetEvent("Nope") == null);
		Console.WriteLine(ev.IsSpecialName + " " + ev.MemberType);
	}
}
