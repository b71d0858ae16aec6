// XmlSerializer round-trips a class graph kept by dataflow from the
// typeof(T) given to its constructor (no rd.xml): ilcc's serializer
// (lib/IlccXml.cs) must write exactly Mono's XML and read it back.
using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using System.Xml.Serialization;

public enum Color { Red, Green, Blue }

public class Address {
	public string Street;
	[XmlAttribute] public int Zip;
	[XmlElement("Land")] public string Country;
}

[XmlRoot("person")]
public class Person {
	public string Name;
	public int Age { get; set; }
	public Color Favorite;
	public DateTime Born;
	public Address Home;
	public List<Address> Others;
	public int[] Numbers;
	[XmlArray("Labels"), XmlArrayItem("L")] public string[] Tags;
	public int? Score;
	public double? Height;
	public bool Active;
	public long Big;
	public decimal Money;
	public double Ratio;
	public char Letter;
	[XmlIgnore] public string NotSerialized = "kept out";
	[XmlAttribute("id")] public string Id;
	public string Empty;
}

public enum Status { New, [XmlEnum("shipped")] Shipped }
[Flags] public enum Perms { None = 0, [XmlEnum("r")] Read = 1, Write = 2 }
public class Shipment { public Status State; public Perms Rights; }

public class Derived : Address {
	public string Extra;
}

class Hidden { public int A = 1; }

[XmlType("Thing")] public class Typed { public int X; }

public class Flat {
	[XmlElement("I")] public List<int> Items = new List<int>();
	[XmlElement("T")] public Typed[] Things;
	[XmlText] public string Text;
}

public static class Program {
	static string Xml<T>(T value) {
		var ser = new XmlSerializer(typeof(T));
		var sw = new StringWriter();
		ser.Serialize(sw, value);
		return sw.ToString();
	}

	static T Read<T>(string xml) {
		var ser = new XmlSerializer(typeof(T));
		return (T)ser.Deserialize(new StringReader(xml));
	}

	static void Show(Person p) {
		Console.WriteLine("{0} {1} {2} {3:u} {4} {5} {6}", p.Name, p.Age, p.Favorite, p.Born,
			p.Home == null ? "-" : p.Home.Street + "/" + p.Home.Zip + "/" + p.Home.Country,
			p.Others == null ? -1 : p.Others.Count, p.Numbers == null ? "-" : string.Join(",", p.Numbers));
		Console.WriteLine("{0} {1} {2} {3} {4} {5} {6} {7} [{8}] {9}",
			p.Tags == null ? "-" : string.Join(",", p.Tags), p.Score, p.Height, p.Active,
			p.Big, p.Money, p.Ratio, (int)p.Letter, p.Empty, p.Id);
	}

	public static int Main() {
		var p = new Person {
			Name = "Ann <&> \"x\"", Age = 41, Favorite = Color.Blue,
			Born = new DateTime(1985, 3, 4, 5, 6, 7), Home = new Address { Street = "Main St", Zip = 12345, Country = "NL" },
			Others = new List<Address> { new Address { Street = "A", Zip = 1 }, new Address { Street = "B" } },
			Numbers = new[] { 1, 2, 3 }, Tags = new[] { "x", "y" }, Score = null, Height = 1.75,
			Active = true, Big = 1L << 40, Money = 12.50m, Ratio = 0.1, Letter = 'Q', Id = "p1", Empty = "",
		};
		string xml = Xml(p);
		Console.WriteLine(xml);
		Person q = Read<Person>(xml);
		Show(q);
		Console.WriteLine(Xml(q) == xml ? "same again" : "differs:\n" + Xml(q));
		var r = Read<Person>("<person><Age>7</Age><Unknown>z</Unknown><Name>Bo</Name><Score>3</Score><Others/><Numbers><int>5</int></Numbers></person>");
		Show(r);
		Console.WriteLine(Xml(new Person()));
		Console.WriteLine(Xml(new List<Address> { new Address { Street = "L" } }));
		Console.WriteLine(Xml(new Derived { Street = "D", Extra = "e" }));
		Console.WriteLine(Xml(42));
		Console.WriteLine(Xml("text"));
		var f = new Flat { Things = new[] { new Typed { X = 1 }, new Typed { X = 2 } }, Text = "tx" };
		f.Items.Add(1);
		f.Items.Add(2);
		xml = Xml(f);
		Console.WriteLine(xml);
		var g = Read<Flat>(xml);
		Console.WriteLine("{0} {1} {2}", string.Join(",", g.Items), g.Things.Length, g.Text);
		Console.WriteLine(Xml(new[] { new Typed { X = 3 } }));
		foreach (var t in new[] { typeof(Dictionary<string, int>), typeof(Hidden) })
			try { new XmlSerializer(t); }
			catch (Exception e) { Console.WriteLine(e.GetType().Name); }
		try { Read<Person>("<person><Age>x</Age></person>"); }
		catch (InvalidOperationException e) { Console.WriteLine(e.Message + " / " + e.InnerException.GetType().Name); }
		try { Read<Person>("<other/>"); }
		catch (InvalidOperationException e) { Console.WriteLine(e.Message + " / " + (e.InnerException == null ? "" : e.InnerException.Message)); }
		// [XmlEnum] renames a value, flags too
		xml = Xml(new Shipment { State = Status.Shipped, Rights = Perms.Read | Perms.Write });
		Console.WriteLine(xml);
		var sh = Read<Shipment>(xml);
		Console.WriteLine(sh.State + " " + sh.Rights);
		return 0;
	}
}
