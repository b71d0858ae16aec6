// Course enrolment with HashSet<T>: which students take which courses,
// unions, intersections, differences and subset tests (printed sorted).
using System;
using System.Collections.Generic;
using System.Linq;

namespace setops
{
	class Program
	{
		static string Show(IEnumerable<string> set) => "{" + string.Join(", ", set.OrderBy(s => s, StringComparer.Ordinal)) + "}";

		public static void Main(string[] args)
		{
			var math = new HashSet<string> { "ana", "ben", "cho", "dev", "eli" };
			var physics = new HashSet<string> { "cho", "dev", "fay", "gus" };
			var art = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ANA", "fay", "Hal" };
			Console.WriteLine("math    " + Show(math));
			Console.WriteLine("physics " + Show(physics));
			Console.WriteLine("art     " + Show(art));

			var both = new HashSet<string>(math);
			both.IntersectWith(physics);
			Console.WriteLine("math and physics: " + Show(both));
			var either = new HashSet<string>(math);
			either.UnionWith(physics);
			Console.WriteLine("math or physics:  " + Show(either));
			var onlyMath = new HashSet<string>(math);
			onlyMath.ExceptWith(physics);
			Console.WriteLine("only math:        " + Show(onlyMath));
			var oneOf = new HashSet<string>(math);
			oneOf.SymmetricExceptWith(physics);
			Console.WriteLine("exactly one:      " + Show(oneOf));

			Console.WriteLine("art contains 'ana': {0}, 'HAL': {1}", art.Contains("ana"), art.Contains("HAL"));
			Console.WriteLine("adding 'Fay' to art: {0}", art.Add("Fay"));
			Console.WriteLine("both is subset of math: {0}, proper: {1}", both.IsSubsetOf(math), both.IsProperSubsetOf(math));
			Console.WriteLine("math overlaps art: {0}, physics overlaps art: {1}", math.Overlaps(new[] { "ana" }), physics.Overlaps(art));
			Console.WriteLine("set equal: {0}", both.SetEquals(new[] { "dev", "cho", "cho" }));

			var all = new[] { math, physics, new HashSet<string>(art.Select(a => a.ToLowerInvariant())) };
			var counts = all.SelectMany(s => s).GroupBy(s => s).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
			foreach (var g in counts)
				Console.WriteLine("  {0,-4} takes {1} course(s)", g.Key, g.Count());
			var letters = new HashSet<char>("mississippi");
			Console.WriteLine("distinct letters of mississippi: {0}", new string(letters.OrderBy(c => c).ToArray()));
			int removed = either.RemoveWhere(s => s.Length == 3 && s[0] < 'd');
			Console.WriteLine("removed {0}, left {1}", removed, either.Count);
		}
	}
}
