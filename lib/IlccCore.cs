// The second layer of the class library's core (src/build.c
// reach_core_library): what a program that uses Console with collections
// or LINQ most often reaches. ilcc roots Seed.Collections before such a
// program's entry point, so this code's reach (text, parsing, culture-aware
// comparison, the common generic collections over int and string, LINQ's
// common operators over them) is the same in every such program, and its
// compiled units come from the object store that `make` fills. Never run:
// the linker drops its own code. Adding to it grows what every such program
// compiles into data.c and ilcc's time (docs/design.md, "A second core").
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Ilcc.Core
{
	public static class Seed
	{
		static int Text(string s, string[] args)
		{
			string line = Console.ReadLine();
			var sb = new StringBuilder();
			sb.Append(line).Append(' ').Append(42).Append(1.5).AppendLine();
			sb.AppendFormat("{0} {1}", s, 1);
			sb.Insert(0, s).Remove(0, 1).Replace("a", "b");
			string[] parts = s.Split(' ');
			parts = s.Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries);
			s = string.Join(", ", parts) + string.Join(",", (IEnumerable<string>)parts);
			s = s.Trim().TrimStart().TrimEnd().Trim('x').ToUpper().ToLower().ToUpperInvariant().ToLowerInvariant();
			s = s.Substring(1) + s.Substring(1, 2) + s.Replace("a", "b") + s.Replace('a', 'b');
			s = s.PadLeft(3) + s.PadRight(3) + s.Insert(0, "x") + s.Remove(1);
			bool b = s.Contains("a") || s.StartsWith("a") || s.EndsWith("a") || s.Equals("a") ||
				string.IsNullOrEmpty(s) || string.IsNullOrWhiteSpace(s) ||
				s.Equals("a", StringComparison.OrdinalIgnoreCase) || s == "a";
			int n = s.IndexOf('a') + s.IndexOf("a") + s.LastIndexOf('a') + s.IndexOfAny(new[] { 'a' }) +
				string.Compare(s, "a") + string.CompareOrdinal(s, "a") + s.CompareTo("a") +
				string.Compare(s, "a", StringComparison.Ordinal) + s.GetHashCode();
			char c = s[0];
			b |= char.IsLetter(c) || char.IsDigit(c) || char.IsWhiteSpace(c) || char.IsUpper(c) ||
				char.IsLower(c) || char.IsPunctuation(c) || char.IsLetterOrDigit(c) || char.IsSymbol(c);
			c = char.ToUpper(c);
			c = char.ToLower(c);
			c = char.ToUpperInvariant(c);
			c = char.ToLowerInvariant(c);
			char[] chars = s.ToCharArray();
			Array.Reverse(chars);
			s = new string(chars) + new string(c, 3) + c.ToString() + string.Concat(s, s, s) + string.Concat(parts);
			s = string.Format("{0} {1} {2}", 1, "a", 2.5) + string.Format("{0,4} {1:F2}", n, 1.5) +
				string.Format("{0}", (object)s) + string.Format("{0}{1}{2}{3}", 1, 2, 3, 4);
			int i = int.Parse(s);
			int.TryParse(s, out i);
			double d = double.Parse(s);
			double.TryParse(s, out d);
			long l = long.Parse(s);
			s = i.ToString() + d.ToString() + l.ToString() + i.ToString("D3") + d.ToString("F2") + b.ToString() +
				Convert.ToInt32(d) + Convert.ToString(i) + Math.Round(d, 2) + Math.Max(i, 2) + Math.Abs(d) +
				Math.Sqrt(d) + Math.Min(d, 1.0) + Math.Pow(d, 2) + Math.Floor(d);
			Console.Write(s);
			Console.Write(i);
			Console.Write('c');
			Console.WriteLine();
			Console.WriteLine(i);
			Console.WriteLine(d);
			Console.WriteLine(c);
			Console.WriteLine(b);
			Console.WriteLine((object)s);
			Console.WriteLine("{0}", s);
			Console.WriteLine("{0} {1}", s, i);
			Console.WriteLine("{0} {1} {2}", s, i, d);
			Console.WriteLine("{0} {1} {2} {3}", s, i, d, c);
			Console.Error.WriteLine(s);
			return n + args.Length;
		}

		static int Lists(List<int> li, List<string> ls, int[] ai, string[] as_)
		{
			li = new List<int>(li);
			ls = new List<string>(as_);
			li.Add(1);
			ls.Add("a");
			li.AddRange(ai);
			ls.AddRange(as_);
			li.Insert(0, 1);
			ls.Insert(0, "a");
			li[0] = li[1];
			ls[0] = ls[1];
			li.Remove(1);
			ls.Remove("a");
			li.RemoveAt(0);
			ls.RemoveAt(0);
			li.Sort();
			ls.Sort();
			li.Sort((x, y) => x - y);
			ls.Sort(string.CompareOrdinal);
			li.Reverse();
			ls.Reverse();
			int n = li.Count + ls.Count + li.IndexOf(1) + ls.IndexOf("a") + (li.Contains(1) ? 1 : 0) +
				(ls.Contains("a") ? 1 : 0) + li.ToArray().Length + ls.ToArray().Length +
				li.FindIndex(x => x > 0) + ls.FindIndex(x => x.Length > 0) + li.RemoveAll(x => x > 0);
			foreach (int x in li)
				n += x;
			foreach (string x in ls)
				n += x.Length;
			li.Clear();
			ls.Clear();
			Array.Sort(ai);
			Array.Sort(as_);
			n += Array.IndexOf(ai, 1) + Array.IndexOf(as_, "a");
			var si = new HashSet<int>(ai);
			var ss = new HashSet<string>(as_);
			n += (si.Add(1) ? 1 : 0) + (ss.Add("a") ? 1 : 0) + (si.Contains(1) ? 1 : 0) + (ss.Contains("a") ? 1 : 0) +
				(si.Remove(1) ? 1 : 0) + (ss.Remove("a") ? 1 : 0) + si.Count + ss.Count;
			foreach (int x in si)
				n += x;
			foreach (string x in ss)
				n += x.Length;
			var qi = new Queue<int>();
			qi.Enqueue(1);
			n += qi.Dequeue() + qi.Count + qi.Peek();
			var ki = new Stack<int>();
			ki.Push(1);
			n += ki.Pop() + ki.Count + ki.Peek();
			return n;
		}

		static int Dictionaries(Dictionary<string, int> si, Dictionary<string, string> ss,
					Dictionary<int, int> ii, Dictionary<int, string> istr)
		{
			si = new Dictionary<string, int>();
			ss = new Dictionary<string, string>();
			ii = new Dictionary<int, int>();
			istr = new Dictionary<int, string>();
			si.Add("a", 1);
			ss.Add("a", "b");
			ii.Add(1, 2);
			istr.Add(1, "a");
			si["a"] = si["b"] + 1;
			ss["a"] = ss["b"];
			ii[1] = ii[2] + 1;
			istr[1] = istr[2];
			int v;
			string sv;
			si.TryGetValue("a", out v);
			ss.TryGetValue("a", out sv);
			ii.TryGetValue(1, out v);
			istr.TryGetValue(1, out sv);
			int n = (si.ContainsKey("a") ? 1 : 0) + (ss.ContainsKey("a") ? 1 : 0) + (ii.ContainsKey(1) ? 1 : 0) +
				(istr.ContainsKey(1) ? 1 : 0) + (si.Remove("a") ? 1 : 0) + (ss.Remove("a") ? 1 : 0) +
				(ii.Remove(1) ? 1 : 0) + (istr.Remove(1) ? 1 : 0) + si.Count + ss.Count + ii.Count + istr.Count +
				(si.ContainsValue(1) ? 1 : 0);
			foreach (KeyValuePair<string, int> kv in si)
				n += kv.Key.Length + kv.Value;
			foreach (KeyValuePair<string, string> kv in ss)
				n += kv.Key.Length + kv.Value.Length;
			foreach (KeyValuePair<int, int> kv in ii)
				n += kv.Key + kv.Value;
			foreach (KeyValuePair<int, string> kv in istr)
				n += kv.Key + kv.Value.Length;
			foreach (string k in si.Keys)
				n += k.Length;
			foreach (int x in si.Values)
				n += x;
			foreach (int k in ii.Keys)
				n += k;
			foreach (int x in ii.Values)
				n += x;
			si.Clear();
			ii.Clear();
			return n;
		}

		static int Linq(IEnumerable<int> ei, IEnumerable<string> es, List<int> li, List<string> ls, int[] ai, string[] as_)
		{
			int n = ei.Where(x => x > 0).Select(x => x * 2).OrderBy(x => x).ToList().Count +
				es.Where(x => x.Length > 0).Select(x => x.ToUpper()).OrderBy(x => x).ToArray().Length +
				li.Where(x => x > 0).Count() + ls.Where(x => x.Length > 0).Count() +
				ai.Where(x => x > 0).Sum() + as_.Where(x => x.Length > 0).Count() +
				li.Select(x => x.ToString()).Count() + ls.Select(x => x.Length).Sum() +
				ai.Select(x => x * 2).ToArray().Length + as_.Select(x => x.Length).ToList().Count +
				ei.OrderByDescending(x => x).ThenBy(x => x).First() + es.OrderByDescending(x => x).First().Length +
				es.OrderBy(x => x.Length).ThenBy(x => x).Count() +
				ei.Sum() + ei.Max() + ei.Min() + (int)ei.Average() + ei.Count() + es.Count() +
				ei.Count(x => x > 0) + es.Count(x => x.Length > 0) + ei.Sum(x => x) + es.Sum(x => x.Length) +
				es.Max(x => x.Length) + es.Min(x => x.Length) +
				ei.First() + ei.FirstOrDefault() + ei.Last() + ei.FirstOrDefault(x => x > 0) + ei.First(x => x > 0) +
				es.First().Length + es.FirstOrDefault().Length + es.Last().Length + es.FirstOrDefault(x => x.Length > 0).Length +
				(ei.Any() ? 1 : 0) + (ei.Any(x => x > 0) ? 1 : 0) + (ei.All(x => x > 0) ? 1 : 0) +
				(es.Any() ? 1 : 0) + (es.Any(x => x.Length > 0) ? 1 : 0) + (es.All(x => x.Length > 0) ? 1 : 0) +
				(ei.Contains(1) ? 1 : 0) + (es.Contains("a") ? 1 : 0) +
				ei.Distinct().Count() + es.Distinct().Count() + ei.Skip(1).Take(2).Count() + es.Skip(1).Take(2).Count() +
				ei.Reverse().Count() + es.Reverse().Count() + ei.ToArray().Length + es.ToArray().Length +
				ei.ToList().Count + es.ToList().Count + Enumerable.Range(0, 10).Sum() +
				Enumerable.Range(0, 10).Select(x => x * x).ToList().Count + Enumerable.Repeat("a", 2).Count() +
				ei.Aggregate((x, y) => x + y) + es.Aggregate("", (x, y) => x + y).Length +
				ei.Concat(ai).Count() + es.Concat(as_).Count() + ei.Zip(es, (x, y) => x + y.Length).Sum() +
				ei.ElementAt(0) + es.ElementAt(0).Length;
			foreach (var g in es.GroupBy(x => x.Length))
				n += g.Key + g.Count();
			foreach (var g in es.GroupBy(x => x))
				n += g.Key.Length + g.Count();
			foreach (var g in ei.GroupBy(x => x))
				n += g.Key + g.Count();
			n += es.ToDictionary(x => x, x => x.Length).Count + ei.ToDictionary(x => x, x => x).Count +
				es.ToDictionary(x => x).Count + new HashSet<string>(es).Count + es.Select((x, i) => i).Sum();
			var si = new Dictionary<string, int>();
			n += si.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(10).Count() +
				si.OrderBy(kv => kv.Key).Select(kv => kv.Value).Sum() + si.Where(kv => kv.Value > 0).Count() +
				si.Keys.OrderBy(k => k).Count() + si.Values.Sum() + si.Select(kv => kv.Key).Count();
			return n;
		}

		public static int Collections(string[] args)
		{
			var ls = new List<string>(args);
			var li = new List<int>();
			return Text(args[0], args) + Lists(li, ls, li.ToArray(), args) +
				Dictionaries(null, null, null, null) + Linq(li, ls, li, ls, li.ToArray(), args);
		}
	}
}

namespace Ilcc.Core
{
	// Stream.Write(ReadOnlySpan<byte>) under the unpooled-writes switch
	// (src/emit/subst.c stream_write): the bytes through a new array, not
	// one rented from ArrayPool<byte>.Shared. Not in the core's seed.
	public static class Unpooled
	{
		public static void Write(System.IO.Stream stream, ReadOnlySpan<byte> buffer)
		{
			byte[] a = buffer.ToArray();
			stream.Write(a, 0, a.Length);
		}
	}
}
