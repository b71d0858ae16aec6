// A phone book kept in a SortedDictionary (ordinal order), with a SortedList
// index by area code, prefix search, updates and removals.
using System;
using System.Collections.Generic;
using System.Linq;

namespace phonebook
{
	class Program
	{
		public static int Main(string[] args)
		{
			var book = new SortedDictionary<string, string>(StringComparer.Ordinal) {
				{ "Turing, Alan", "+44 161 555 0101" },
				{ "Hopper, Grace", "+1 212 555 0199" },
				{ "Lovelace, Ada", "+44 20 555 0142" },
				{ "Knuth, Donald", "+1 650 555 0111" },
				{ "Dijkstra, Edsger", "+31 20 555 0123" },
				{ "Backus, John", "+1 212 555 0155" },
			};
			Console.WriteLine("{0} entries:", book.Count);
			foreach (var kv in book)
				Console.WriteLine("  {0,-18} {1}", kv.Key, kv.Value);

			book["Knuth, Donald"] = "+1 650 555 0112";
			book.Add("Liskov, Barbara", "+1 617 555 0177");
			bool removed = book.Remove("Backus, John");
			Console.WriteLine("updated Knuth, added Liskov, removed Backus: {0}", removed);
			try {
				book.Add("Hopper, Grace", "dup");
			} catch (ArgumentException e) {
				Console.WriteLine("duplicate: " + e.GetType().Name);
			}
			try {
				Console.WriteLine(book["Nobody"]);
			} catch (KeyNotFoundException e) {
				Console.WriteLine("lookup failed: " + e.GetType().Name);
			}

			string prefix = "L";
			Console.WriteLine("Names starting with {0}: {1}", prefix, string.Join("; ", book.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))));

			var byCountry = new SortedList<int, List<string>>();
			foreach (var kv in book) {
				int code = int.Parse(kv.Value.Substring(1, kv.Value.IndexOf(' ') - 1));
				List<string> names;
				if (!byCountry.TryGetValue(code, out names))
					byCountry.Add(code, names = new List<string>());
				names.Add(kv.Key.Split(',')[0]);
			}
			Console.WriteLine("By country code:");
			foreach (var kv in byCountry)
				Console.WriteLine("  +{0,-3} {1}", kv.Key, string.Join(", ", kv.Value));
			Console.WriteLine("first code {0}, last code {1}, index of 44: {2}", byCountry.Keys[0], byCountry.Keys[byCountry.Count - 1], byCountry.IndexOfKey(44));

			var reversed = new SortedDictionary<string, string>(Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a)));
			foreach (var kv in book)
				reversed[kv.Value] = kv.Key;
			Console.WriteLine("By number, descending:");
			foreach (var kv in reversed)
				Console.WriteLine("  {0} {1}", kv.Key, kv.Value);
			return book.Count;
		}
	}
}
