// Guid handling with fixed values: parsing every standard format, printing
// them back, comparing, and building a Guid from bytes.
using System;
using System.Collections.Generic;
using System.Linq;

namespace guids
{
	class Program
	{
		public static int Main(string[] args)
		{
			string[] inputs = {
				"6f9619ff-8b86-d011-b42d-00c04fc964ff",
				"{0F8FAD5B-D9CB-469F-A165-70867728950E}",
				"(7c9e6679-7425-40de-944b-e07fc1f90ae7)",
				"00112233445566778899AABBCCDDEEFF",
				"not-a-guid",
				"6f9619ff-8b86-d011-b42d-00c04fc964f",
			};
			var parsed = new List<Guid>();
			foreach (string s in inputs) {
				Guid g;
				if (Guid.TryParse(s, out g)) {
					parsed.Add(g);
					Console.WriteLine("ok   {0,-40} -> {1}", s, g);
				} else {
					Console.WriteLine("bad  {0}", s);
				}
			}
			var first = parsed[0];
			foreach (string f in new[] { "N", "D", "B", "P", "X" })
				Console.WriteLine("{0}: {1}", f, first.ToString(f));
			byte[] bytes = first.ToByteArray();
			Console.WriteLine("bytes: " + BitConverter.ToString(bytes));
			var rebuilt = new Guid(bytes);
			Console.WriteLine("rebuilt equals: {0}, == {1}", rebuilt.Equals(first), rebuilt == first);
			var fromParts = new Guid(0x01020304, 0x0506, 0x0708, 9, 10, 11, 12, 13, 14, 15, 16);
			Console.WriteLine("from parts: {0}", fromParts);
			Console.WriteLine("empty: {0} (is empty: {1})", Guid.Empty, Guid.Empty == new Guid());
			Console.WriteLine("sorted:");
			foreach (var g in parsed.OrderBy(g => g))
				Console.WriteLine("  " + g.ToString("B").ToUpperInvariant());
			Console.WriteLine("compare first/second: {0}", Math.Sign(parsed[0].CompareTo(parsed[1])));
			try {
				Guid.Parse("xyz");
			} catch (FormatException e) {
				Console.WriteLine("FormatException caught: {0}", e.Message.Length > 0);
			}
			Guid exact;
			Console.WriteLine("ParseExact N on D text: {0}", Guid.TryParseExact(inputs[0], "N", out exact));
			Console.WriteLine("ParseExact D on D text: {0} {1}", Guid.TryParseExact(inputs[0], "D", out exact), exact.ToString("N").Substring(0, 8));
			return parsed.Count;
		}
	}
}
