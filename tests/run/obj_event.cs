// Events: field-like events with subscription and removal, raising through
// a null check, custom add/remove accessors, static events, virtual and
// interface events, EventHandler<T> with a custom EventArgs, handlers that
// unsubscribe themselves, and a publisher/subscriber pair wired both ways.
using System;

class PriceArgs : EventArgs {
	public readonly int old, now;
	public PriceArgs(int o, int n) { old = o; now = n; }
}

interface IAlarm { event Action Rang; void Ring(); }

class Stock : IAlarm {
	int price;
	public event EventHandler<PriceArgs> Changed;
	public event Action Rang;
	public static event Action<string> Global;
	Action<int> custom;
	public int adds, removes;
	public event Action<int> Custom {
		add { adds++; custom += value; }
		remove { removes++; custom -= value; }
	}
	public int Price {
		get { return price; }
		set {
			int old = price;
			price = value;
			EventHandler<PriceArgs> h = Changed;
			if (h != null) h(this, new PriceArgs(old, value));
			if (custom != null) custom(value);
			if (Global != null) Global("price");
		}
	}
	public void Ring() { if (Rang != null) Rang(); }
	public bool HasListeners { get { return Changed != null; } }
}

class Base {
	public virtual event Action Tick;
	public void Fire() { if (Tick != null) Tick(); }
}
class Derived : Base {
	int subs;
	public override event Action Tick { add { subs++; base.Tick += value; } remove { subs--; base.Tick -= value; } }
	public int Subs { get { return subs; } }
}

class Watcher {
	public string seen = "";
	string name;
	public Watcher(string n, Stock s) { name = n; s.Changed += OnChanged; }
	void OnChanged(object sender, PriceArgs e)
	{
		seen += name + ":" + (e.now > e.old ? "up" : "down") + (sender is Stock ? "" : "?") + " ";
	}
	public void Detach(Stock s) { s.Changed -= OnChanged; }
}

static class Events {
	static int global;
	static void OnGlobal(string what) { global++; }

	static int Main()
	{
		Stock s = new Stock();
		Out.L("no listeners", s.HasListeners);
		s.Price = 5;                   // nobody listening
		Watcher w1 = new Watcher("w1", s), w2 = new Watcher("w2", s);
		s.Price = 10;
		s.Price = 7;
		w1.Detach(s);
		s.Price = 8;
		Out.L("w1 " + w1.seen);
		Out.L("w2 " + w2.seen);

		int sum = 0;
		Action<int> add = v => sum += v;
		s.Custom += add;
		s.Custom += add;
		s.Price = 100;
		s.Custom -= add;
		s.Price = 1;
		Out.L("custom sum", sum);
		Out.L("adds", s.adds);
		Out.L("removes", s.removes);

		Stock.Global += OnGlobal;
		s.Price = 2;
		new Stock().Price = 3;
		Stock.Global -= OnGlobal;
		s.Price = 4;
		Out.L("global", global);

		IAlarm alarm = s;
		int rings = 0;
		Action once = null;
		once = () => { rings += 100; alarm.Rang -= once; };
		alarm.Rang += () => rings++;
		alarm.Rang += once;
		alarm.Ring();
		alarm.Ring();
		alarm.Ring();
		Out.L("rings", rings);

		Derived d = new Derived();
		Base b = d;
		int ticks = 0;
		Action t = () => ticks++;
		b.Tick += t;
		b.Tick += t;
		d.Fire();
		b.Tick -= t;
		d.Fire();
		Out.L("ticks", ticks);
		Out.L("subs", d.Subs);
		return ticks + rings;
	}
}
