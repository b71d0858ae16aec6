// mcs: -r:System.Runtime.Serialization.dll -r:System.Xml.dll
// Serializers of the class library over reflection: DataContractJsonSerializer
// round-trips a class whose types are kept by dataflow from the typeof(T)
// given to its constructor (no rd.xml): a class graph with strings,
// decimals, nested objects, List<T>, arrays, nullables and a dictionary;
// Type.GetInterfaceMap. DataContractSerializer (XML) round-trips a graph
// with contract names and namespaces, member order and names, lists,
// arrays, nested objects, nullables, EnumMember values and
// EmitDefaultValue, written as Mono writes it (to a stream and indented
// through XmlWriter) and read back; a wrong root's SerializationException.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;

public enum Color { Red, Green, Blue }

[DataContract]
public class Address {
	[DataMember] public string Street;
	[DataMember] public int Zip;
	[DataMember(Name = "country", EmitDefaultValue = false)] public string Country;
}

[DataContract]
public class Person {
	[DataMember] public string Name;
	[DataMember] public int Age { get; set; }
	[DataMember] public Color Favorite;
	[DataMember] public DateTime Born;
	[DataMember] public Address Home;
	[DataMember] public List<Address> Others;
	[DataMember] public int[] Numbers;
	[DataMember] public string[] Tags;
	[DataMember] public int? Score;
	[DataMember] public double? Height;
	[DataMember] public bool Active;
	[DataMember] public long Big;
	[DataMember] public decimal Money;
	[DataMember] public Dictionary<string, int> Counts;
	public string NotSerialized = "kept out";
}

public interface IShape { double Area(); string Name(); }

public class Square : IShape {
	public double Side = 2;
	public double Area() { return Side * Side; }
	string IShape.Name() { return "square"; }
}

[DataContract(Name = "Member", Namespace = "http://example.org/people")]
public class Member {
	[DataMember(Order = 2)] public string Name;
	[DataMember(Order = 1, Name = "Years")] public int Age;
	[DataMember(Order = 3)] public Place Home;
	[DataMember(Order = 4)] public List<string> Tags = new List<string>();
	[DataMember(Order = 5)] public List<Place> Past;
	[DataMember(Order = 6, EmitDefaultValue = false)] public string Note;
	[DataMember(Order = 7)] public double Score;
	[DataMember(Order = 8)] public bool Active;
	[DataMember(Order = 9)] public Rank Rank;
	[DataMember(Order = 10)] public int[] Numbers;
	public string NotSerialized = "x";
}

[DataContract(Namespace = "http://example.org/places")]
public class Place {
	[DataMember] public string Street;
	[DataMember] public string City;
	[DataMember] public int? Zip;
}

[DataContract]
public enum Rank { [EnumMember] Low, [EnumMember(Value = "HIGH")] High }

public static class Program {
	static void Xml() {
		var p = new Member { Name = "Ada <Lovelace> & co", Age = 36, Score = 2.5, Active = true, Rank = Rank.High,
			Home = new Place { Street = "1 Main St", City = "London", Zip = 12345 },
			Past = new List<Place> { new Place { Street = "Old Rd", City = "Bath" } },
			Numbers = new[] { 3, 1, 4 } };
		p.Tags.Add("math");
		p.Tags.Add("engines");
		var ser = new DataContractSerializer(typeof(Member));
		var ms = new MemoryStream();
		ser.WriteObject(ms, p);
		Console.WriteLine(Encoding.UTF8.GetString(ms.ToArray()));
		ms.Position = 0;
		var q = (Member)ser.ReadObject(ms);
		Console.WriteLine(q.Name + "|" + q.Age + "|" + q.Home.Street + "|" + q.Home.City + "|" + q.Home.Zip + "|" +
				  string.Join(",", q.Tags) + "|" + q.Past.Count + " " + q.Past[0].City + " " + (q.Past[0].Zip == null) +
				  "|" + (q.Note == null) + "|" + q.Score + "|" + q.Active + "|" + q.Rank + "|" +
				  string.Join(",", q.Numbers) + "|" + q.NotSerialized);
		var sb = new StringBuilder();
		using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true }))
			ser.WriteObject(w, q);
		Console.WriteLine(sb);
		var r = (Member)ser.ReadObject(XmlReader.Create(new StringReader(sb.ToString())));
		Console.WriteLine(r.Name + " " + r.Home.City + " " + r.Past[0].Street);
		try {
			ser.ReadObject(XmlReader.Create(new StringReader("<Other xmlns='urn:x'/>")));
		} catch (SerializationException e) {
			Console.WriteLine("SerializationException: " + e.Message);
		}
	}

	static string Json<T>(T value) {
		var ser = new DataContractJsonSerializer(typeof(T));
		var ms = new MemoryStream();
		ser.WriteObject(ms, value);
		return Encoding.UTF8.GetString(ms.ToArray());
	}

	// non-ASCII shown as \uXXXX (Mono's console under LANG=C prints '?')
	static string Ascii(string s) {
		var b = new StringBuilder();
		foreach (char c in s)
			b.Append(c < 128 ? c.ToString() : "\\u" + ((int)c).ToString("x4"));
		return b.ToString();
	}

	static void Show(Person q) {
		Console.WriteLine("Name={0}|Age={1}|Favorite={2}|Score={3}|Height={4}", q.Name == null ? null : Ascii(q.Name), q.Age, q.Favorite,
			q.Score.HasValue ? q.Score.ToString() : "null", q.Height.HasValue ? q.Height.ToString() : "null");
		Console.WriteLine("Born={0} {1}", q.Born.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss"), q.Born.Kind);
		Console.WriteLine("Home={0}", q.Home == null ? "null" : q.Home.Street + " " + q.Home.Zip + " " + (q.Home.Country ?? "null"));
		Console.WriteLine("Others={0}", q.Others == null ? "null" : string.Join(";", q.Others.Select(a => a.Street + ":" + a.Zip)));
		Console.WriteLine("Numbers={0}", q.Numbers == null ? "null" : string.Join(",", q.Numbers));
		Console.WriteLine("Tags={0}", q.Tags == null ? "null" : string.Join(",", q.Tags));
		Console.WriteLine("Active={0} Big={1} Money={2} NotSerialized={3}", q.Active, q.Big, q.Money, q.NotSerialized ?? "null");
		Console.WriteLine("Counts={0}", q.Counts == null ? "null" : string.Join(",", q.Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value)));
	}

	static void RoundTrip() {
		var p = new Person {
			Name = "A \"quoted\"\n\\name\t\u00e9\u4e2d/", Age = 42, Favorite = Color.Blue, Score = null, Height = 1.75,
			Born = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc),
			Home = new Address { Street = "Main <St> & co", Zip = 12345, Country = "NL" },
			Others = new List<Address> { new Address { Street = "x", Zip = 1 }, new Address { Street = "", Zip = -2 } },
			Numbers = new[] { 1, 2, 3 }, Tags = new string[0], Active = true, Big = long.MaxValue,
			Money = 12.345m, Counts = new Dictionary<string, int> { { "b", 2 }, { "a", -1 } } };
		string json = Json(p);
		Console.WriteLine(Ascii(json));
		var ser = new DataContractJsonSerializer(typeof(Person));
		var q = (Person)ser.ReadObject(new MemoryStream(Encoding.UTF8.GetBytes(json)));
		Show(q);
		Console.WriteLine(Json(q) == json ? "same again" : "differs: " + Json(q));
	}

	static void FromText() {
		var ser = new DataContractJsonSerializer(typeof(Person));
		string text = "{\"Name\":\"B\\u0041\\/c\",\"Age\":7,\"Favorite\":1,\"Score\":5,\"Home\":null," +
			"\"Others\":[],\"Numbers\":[10,20],\"Counts\":[{\"Key\":\"z\",\"Value\":26}],\"unknown\":{\"a\":[1,2]},\"Born\":\"\\/Date(0)\\/\"}";
		Show((Person)ser.ReadObject(new MemoryStream(Encoding.UTF8.GetBytes(text))));
		
	}

	static void Bad() {
		var ser = new DataContractJsonSerializer(typeof(Person));
		try {
			ser.ReadObject(new MemoryStream(Encoding.UTF8.GetBytes("{\"Name\": ")));
			Console.WriteLine("no error");
		} catch (SerializationException e) {
			Console.WriteLine("SerializationException");
		}
	}

	static void InterfaceMap() {
		Console.WriteLine(((IShape)new Square()).Area());
		var map = typeof(Square).GetInterfaceMap(typeof(IShape));
		var pairs = new List<string>();
		for (int i = 0; i < map.InterfaceMethods.Length; i++)
			pairs.Add(map.InterfaceMethods[i].Name + " -> " + Unqualified(map.TargetMethods[i].Name));
		pairs.Sort(StringComparer.Ordinal);
		foreach (var s in pairs)
			Console.WriteLine(s);
		Console.WriteLine(map.TargetType.Name + " " + map.InterfaceType.Name);
	}

	// An explicit implementation's name without the interface's namespace
	// ("Ns.IShape.Name" -> "IShape.Name"), the same alone and in a bundle.
	static string Unqualified(string name)
	{
		string[] parts = name.Split('.');
		return parts.Length <= 2 ? name : parts[parts.Length - 2] + "." + parts[parts.Length - 1];
	}

	public static void Main() {
		RoundTrip();
		FromText();
		Bad();
		InterfaceMap();
		Xml();
	}
}
