// Casts: is, as and castclass to classes, interfaces, arrays and sealed
// types; null through every cast; InvalidCastException caught (and the
// code after a failed cast not run); array covariance and the
// ArrayTypeMismatchException on storing the wrong type; GetType equality.
using System;

interface IFly { int Speed(); }
interface ISwim { }
class Animal { }
class Bird : Animal, IFly { public virtual int Speed() { return 10; } }
sealed class Hawk : Bird { public override int Speed() { return 90; } }
class Penguin : Bird, ISwim { public override int Speed() { return 0; } }
class Fish : Animal, ISwim { }
struct Rock : ISwim { }
interface IProducer<out T> { T Make(); }
interface IConsumer<in T> { string Take(T v); }
class Nest : IProducer<Hawk>, IConsumer<Animal> {
	public Hawk Make() { return new Hawk(); }
	public string Take(Animal a) { return a is Bird ? "bird" : "animal"; }
}

static class Casts {
	static string Check(object o)
	{
		string s = "";
		s += o is Animal ? "A" : "-";
		s += o is Bird ? "B" : "-";
		s += o is Hawk ? "H" : "-";
		s += o is Penguin ? "P" : "-";
		s += o is IFly ? "F" : "-";
		s += o is ISwim ? "S" : "-";
		s += o is ValueType ? "V" : "-";
		s += o is Animal[] ? "[]" : "--";
		return s;
	}

	static int failures;

	static void Try(string what, Func<object> cast)
	{
		try {
			object r = cast();
			Out.L(what + " ok " + (r == null ? "null" : "value"));
		} catch (InvalidCastException) {
			failures++;
			Out.L(what + " InvalidCastException");
		}
	}

	static int Main()
	{
		object[] all = { new Animal(), new Bird(), new Hawk(), new Penguin(), new Fish(), new Rock(), "str", null, new Bird[1], new Hawk[0], new object[0] };
		foreach (object o in all)
			Out.L(Check(o));

		object h = new Hawk();
		Bird asBird = h as Bird;
		Out.L("as Bird", asBird.Speed());
		Out.L("as Fish null", (h as Fish) == null);
		IFly fly = h as IFly;
		Out.L("as IFly", fly.Speed());
		Out.L("as ISwim null", (h as ISwim) == null);
		object nul = null;
		Out.L("null as", (nul as Bird) == null);
		Out.L("null cast", (Bird)nul == null);
		Out.L("null iface cast", (IFly)nul == null);

		Try("Hawk->Bird", () => (Bird)h);
		Try("Hawk->Penguin", () => (Penguin)h);
		Try("Hawk->ISwim", () => (ISwim)h);
		Try("Fish->IFly", () => (IFly)(object)new Fish());
		Try("Rock->ISwim", () => (ISwim)(object)new Rock());
		Try("string->Animal", () => (Animal)(object)"s");
		Try("null->Hawk", () => (Hawk)nul);
		Try("Bird[]->Animal[]", () => (Animal[])(object)new Bird[2]);
		Try("Animal[]->Bird[]", () => (Bird[])(object)new Animal[2]);
		Try("int[]->object[]", () => (object[])(object)new int[2]);
		Try("Hawk[]->IFly[]", () => (IFly[])(object)new Hawk[1]);

		Out.S("after failed cast: ");
		try {
			Penguin p = (Penguin)h;
			Out.S("not reached ");
			p.Speed();
		} catch (InvalidCastException e) {
			Out.S(e is SystemException ? "system " : "other ");
		}
		Out.L();

		Animal[] animals = new Bird[2];
		animals[0] = new Hawk();
		try {
			animals[1] = new Fish();
			Out.L("stored Fish in Bird[]");
		} catch (ArrayTypeMismatchException) {
			Out.L("ArrayTypeMismatchException");
		}
		animals[1] = null;
		Out.L("covariant read", ((Bird)animals[0]).Speed());

		object nest = new Nest();
		Out.L("covariant iface", nest is IProducer<Bird>);
		Out.L("covariant iface wrong", nest is IProducer<Penguin>);
		Out.L("contravariant iface", nest is IConsumer<Hawk>);
		IProducer<IFly> pf = (IProducer<IFly>)nest;
		Out.L("covariant call", pf.Make().Speed());
		IConsumer<Penguin> cp = (IConsumer<Penguin>)nest;
		Out.L("contravariant call " + cp.Take(new Penguin()));
		Func<Hawk> mk = () => new Hawk();
		object mko = mk;
		Out.L("delegate variance", mko is Func<Animal>);
		Out.L("delegate variance wrong", mko is Func<Penguin>);
		Out.L("GetType same", h.GetType() == typeof(Hawk));
		Out.L("GetType base", h.GetType() == typeof(Bird));
		Out.L("GetType equal", new Penguin().GetType() == new Penguin().GetType());
		Out.L("GetType array", new Bird[0].GetType() == typeof(Bird[]));
		return failures;
	}
}
