// ilcc: --rd tests/run/refl_json.rd.xml
// A small JSON serializer written by reflection alone, as programs write
// them: GetType().GetProperties(), GetValue and SetValue, PropertyType,
// Activator.CreateInstance of each class and list met, GetGenericArguments
// of List<T>, Enum.Parse. It walks a class graph (nested objects, lists of
// objects and of strings, enums, nullables, dictionaries) both ways. The
// types are found at run time, through property types: the build cannot
// see them, so the program's rd.xml keeps its model (Dynamic="Required
// All" on the namespace and the List instances), as Native AOT users do.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Model {
	public enum Kind { Book, Music, Film }
	public class Address {
		public string City { get; set; }
		public int Zip { get; set; }
	}
	public class Item {
		public string Title { get; set; }
		public double Price { get; set; }
		public Kind Kind { get; set; }
		public List<string> Tags { get; set; }
		public int? Rating { get; set; }
	}
	public class Order {
		public int Id { get; set; }
		public bool Paid { get; set; }
		public string Note { get; set; }
		public long Stamp { get; set; }
		public decimal Total { get; set; }
		public Address Ship { get; set; }
		public List<Item> Items { get; set; }
		public Dictionary<string, int> Counts { get; set; }
		public string ReadOnly { get { return "r" + Id; } }
	}
}

static class Json {
	public static string Write(object o)
	{
		var sb = new StringBuilder();
		Value(sb, o);
		return sb.ToString();
	}

	static void Str(StringBuilder sb, string s)
	{
		sb.Append('"');
		foreach (char c in s) {
			if (c == '"' || c == '\\') sb.Append('\\').Append(c);
			else if (c == '\n') sb.Append("\\n");
			else if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4"));
			else sb.Append(c);
		}
		sb.Append('"');
	}

	static void Value(StringBuilder sb, object o)
	{
		if (o == null) { sb.Append("null"); return; }
		Type t = o.GetType();
		if (o is string) Str(sb, (string)o);
		else if (o is bool) sb.Append((bool)o ? "true" : "false");
		else if (t.IsEnum) Str(sb, o.ToString());
		else if (t.IsPrimitive || o is decimal) sb.Append(Convert.ToString(o, CultureInfo.InvariantCulture));
		else if (o is IDictionary) {
			sb.Append('{');
			bool first = true;
			foreach (DictionaryEntry e in (IDictionary)o) {
				if (!first) sb.Append(',');
				first = false;
				Str(sb, (string)e.Key);
				sb.Append(':');
				Value(sb, e.Value);
			}
			sb.Append('}');
		} else if (o is IList) {
			sb.Append('[');
			bool first = true;
			foreach (object x in (IList)o) {
				if (!first) sb.Append(',');
				first = false;
				Value(sb, x);
			}
			sb.Append(']');
		} else {
			sb.Append('{');
			bool first = true;
			foreach (PropertyInfo p in t.GetProperties()) {
				if (!p.CanRead || p.GetIndexParameters().Length > 0) continue;
				if (!first) sb.Append(',');
				first = false;
				Str(sb, p.Name);
				sb.Append(':');
				Value(sb, p.GetValue(o, null));
			}
			sb.Append('}');
		}
	}

	public static T Read<T>(string s)
	{
		int at = 0;
		return (T)Value(s, ref at, typeof(T));
	}

	static void Ws(string s, ref int at)
	{
		while (at < s.Length && char.IsWhiteSpace(s[at])) at++;
	}

	static void Expect(string s, ref int at, char c)
	{
		Ws(s, ref at);
		if (at >= s.Length || s[at] != c)
			throw new FormatException("expected '" + c + "' at " + at);
		at++;
	}

	static string ReadStr(string s, ref int at)
	{
		Expect(s, ref at, '"');
		var sb = new StringBuilder();
		while (s[at] != '"') {
			char c = s[at++];
			if (c == '\\') {
				c = s[at++];
				if (c == 'n') c = '\n';
				else if (c == 'u') { c = (char)int.Parse(s.Substring(at, 4), NumberStyles.HexNumber); at += 4; }
			}
			sb.Append(c);
		}
		at++;
		return sb.ToString();
	}

	static string Token(string s, ref int at)
	{
		Ws(s, ref at);
		int start = at;
		while (at < s.Length && "{}[],:\" \n".IndexOf(s[at]) < 0) at++;
		return s.Substring(start, at - start);
	}

	static object Value(string s, ref int at, Type t)
	{
		Ws(s, ref at);
		if (string.CompareOrdinal(s, at, "null", 0, 4) == 0) { at += 4; return null; }
		Type under = Nullable.GetUnderlyingType(t);
		if (under != null) t = under;
		if (t == typeof(string)) return ReadStr(s, ref at);
		if (t.IsEnum) return Enum.Parse(t, ReadStr(s, ref at));
		if (t == typeof(bool)) return Token(s, ref at) == "true";
		if (t.IsPrimitive || t == typeof(decimal))
			return Convert.ChangeType(Token(s, ref at), t, CultureInfo.InvariantCulture);
		object made = Activator.CreateInstance(t);
		if (made is IDictionary) {
			Type vt = t.GetGenericArguments()[1];
			Expect(s, ref at, '{');
			Ws(s, ref at);
			while (s[at] != '}') {
				string k = ReadStr(s, ref at);
				Expect(s, ref at, ':');
				((IDictionary)made)[k] = Value(s, ref at, vt);
				Ws(s, ref at);
				if (s[at] == ',') at++;
				Ws(s, ref at);
			}
			at++;
			return made;
		}
		if (made is IList) {
			Type et = t.GetGenericArguments()[0];
			Expect(s, ref at, '[');
			Ws(s, ref at);
			while (s[at] != ']') {
				((IList)made).Add(Value(s, ref at, et));
				Ws(s, ref at);
				if (s[at] == ',') at++;
				Ws(s, ref at);
			}
			at++;
			return made;
		}
		Expect(s, ref at, '{');
		Ws(s, ref at);
		while (s[at] != '}') {
			string name = ReadStr(s, ref at);
			Expect(s, ref at, ':');
			PropertyInfo p = t.GetProperty(name);
			object v = Value(s, ref at, p != null ? p.PropertyType : typeof(string));
			if (p != null && p.CanWrite)
				p.SetValue(made, v, null);
			Ws(s, ref at);
			if (s[at] == ',') at++;
			Ws(s, ref at);
		}
		at++;
		return made;
	}
}

static class P {
	static Model.Order Sample()
	{
		var o = new Model.Order {
			Id = 42, Paid = true, Note = "rush \"fast\"\nplease", Stamp = 1234567890123L, Total = 31.5m,
			Ship = new Model.Address { City = "Lyon", Zip = 69001 },
			Items = new List<Model.Item> {
				new Model.Item { Title = "Dune", Price = 9.99, Kind = Model.Kind.Book,
					Tags = new List<string> { "sf", "classic" }, Rating = 5 },
				new Model.Item { Title = "Kind of Blue", Price = 21.51, Kind = Model.Kind.Music,
					Tags = new List<string>() },
			},
			Counts = new Dictionary<string, int> { { "a", 1 } },
		};
		return o;
	}

	static void Main()
	{
		string text = Json.Write(Sample());
		Console.WriteLine(text);
		var back = Json.Read<Model.Order>(text);
		Console.WriteLine(back.Id + " " + back.Paid + " " + back.Ship.City + " " + back.Items.Count + " " +
			back.Items[0].Tags[1] + " " + back.Items[1].Kind + " " + back.Items[0].Rating + " " +
			(back.Items[1].Rating == null) + " " + back.Total + " " + back.Counts["a"]);
		string again = Json.Write(back);
		Console.WriteLine(again == text ? "round trip: same" : "round trip: differs\n" + again);
		var list = Json.Read<List<Model.Address>>("[ {\"City\": \"Oslo\", \"Zip\": 150}, null ]");
		Console.WriteLine(list.Count + " " + list[0].City + " " + list[0].Zip + " " + (list[1] == null));
		try {
			Json.Read<Model.Address>("{\"City\" 1}");
		} catch (FormatException e) {
			Console.WriteLine("FormatException: " + e.Message);
		}
	}
}
