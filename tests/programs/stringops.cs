// Text clean-up utilities over a list of messy records: Split, Join,
// Substring, IndexOf, Replace, case, padding, trimming, Concat, Compare.
using System;
using System.Collections.Generic;
using System.Linq;

namespace stringops
{
	class Program
	{
		static string TitleCase(string s)
		{
			var words = s.ToLowerInvariant().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
			for (int i = 0; i < words.Length; i++)
				words[i] = char.ToUpperInvariant(words[i][0]) + words[i].Substring(1);
			return string.Join(" ", words);
		}

		public static int Main(string[] args)
		{
			string[] records = {
				"  smith, JOHN ;  john.smith@EXAMPLE.com ; 555-0100 ",
				"doe,jane;JANE@example.org;555 0199",
				"  o'neil , pat  ;pat@example.net;(555) 0142",
				"broken record without separators",
			};
			foreach (string r in records) {
				string[] parts = r.Split(';');
				if (parts.Length != 3) {
					Console.WriteLine("skip: [{0}] ({1} parts, {2} chars)", r.Trim(), parts.Length, r.Length);
					continue;
				}
				string[] name = parts[0].Split(',');
				string last = TitleCase(name[0].Trim()), first = TitleCase(name[1].Trim());
				string email = parts[1].Trim().ToLowerInvariant();
				string digits = string.Concat(parts[2].Where(char.IsDigit));
				string user = email.Substring(0, email.IndexOf('@'));
				string domain = email.Substring(email.IndexOf('@') + 1);
				Console.WriteLine("{0}|{1}|{2}|{3}", (first + " " + last).PadRight(16), user.PadLeft(10, '.'), domain.PadRight(12), digits.Insert(3, "-"));
			}

			string text = "The rain in Spain stays mainly in the plain";
			Console.WriteLine("IndexOf(\"ain\") = {0}, LastIndexOf = {1}, count = {2}", text.IndexOf("ain"), text.LastIndexOf("ain"), (text.Length - text.Replace("ain", "").Length) / 3);
			Console.WriteLine("IndexOf('z') = {0}, IndexOfAny = {1}", text.IndexOf('z'), text.IndexOfAny(new[] { 'S', 'p' }));
			Console.WriteLine("Replace: " + text.Replace("ain", "AIN").Replace(' ', '_'));
			Console.WriteLine("Contains Spain: {0}, StartsWith the: {1} / ignoring case: {2}", text.Contains("Spain"), text.StartsWith("the"), text.StartsWith("the", StringComparison.OrdinalIgnoreCase));
			Console.WriteLine("Upper: {0}", text.ToUpperInvariant());
			Console.WriteLine("Remove/Insert: {0}", text.Remove(4, 5).Insert(4, "sun "));
			Console.WriteLine("Trim: [{0}] [{1}] [{2}]", "  x  ".Trim(), "--x--".TrimStart('-'), "--x--".TrimEnd('-'));
			Console.WriteLine("Pad: [{0}] [{1}] [{2}]", "7".PadLeft(4, '0'), "ab".PadRight(5, '*'), "toolong".PadLeft(3));
			Console.WriteLine("Concat: {0} {1}", string.Concat("a", "b", "c", "d"), string.Concat(new object[] { 1, '+', 2.5, null, true }));
			Console.WriteLine("Join: {0}", string.Join(" / ", new List<int> { 3, 1, 4 }));
			Console.WriteLine("Split limit: {0}", string.Join("|", "a=b=c=d".Split(new[] { '=' }, 2)));
			Console.WriteLine("Split strings: {0}", string.Join("|", "one, two,,three".Split(new[] { ", ", "," }, StringSplitOptions.None)));
			string[] words = { "banana", "Apple", "cherry", "apple", "Banana" };
			Console.WriteLine("Ordinal compare apple/Apple: {0}, ignore case: {1}", Math.Sign(string.Compare("apple", "Apple", StringComparison.Ordinal)), string.Compare("apple", "Apple", StringComparison.OrdinalIgnoreCase));
			Console.WriteLine("CompareOrdinal b/a: {0}", Math.Sign(string.CompareOrdinal("b", "a")));
			Console.WriteLine("Distinct ignoring case: {0}", string.Join(",", words.Distinct(StringComparer.OrdinalIgnoreCase)));
			Console.WriteLine("Equals ignore case: {0}, ==: {1}", string.Equals("HELLO", "hello", StringComparison.OrdinalIgnoreCase), "HELLO" == "hello");
			char[] arr = "stressed".ToCharArray();
			Array.Reverse(arr);
			Console.WriteLine("Reversed: {0}, chars: {1}", new string(arr), string.Join("-", "abc".Select(c => (int)c)));
			Console.WriteLine("IsNullOrEmpty: {0} {1} {2}; IsNullOrWhiteSpace(\"  \"): {3}", string.IsNullOrEmpty(null), string.IsNullOrEmpty(""), string.IsNullOrEmpty(" "), string.IsNullOrWhiteSpace("  "));
			Console.WriteLine("Format: {0}", string.Format("{0}-{1:D3}-{2}", "ID", 7, new string('x', 3)));
			return 0;
		}
	}
}
