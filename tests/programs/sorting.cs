// Sorting a league table several ways: Array.Sort with an IComparer, with a
// Comparison<T>, List.Sort, stable LINQ ordering, BinarySearch and Reverse.
using System;
using System.Collections.Generic;
using System.Linq;

namespace sorting
{
	class Team
	{
		public string Name;
		public int Won, Drawn, Lost, For, Against;
		public int Points => Won * 3 + Drawn;
		public int Diff => For - Against;
		public override string ToString() => string.Format("{0,-10} {1,2} {2,2} {3,2} {4,3}:{5,-3} {6,3}", Name, Won, Drawn, Lost, For, Against, Points);
	}

	class LeagueOrder : IComparer<Team>
	{
		public int Compare(Team a, Team b)
		{
			int c = b.Points.CompareTo(a.Points);
			if (c == 0) c = b.Diff.CompareTo(a.Diff);
			if (c == 0) c = b.For.CompareTo(a.For);
			if (c == 0) c = string.CompareOrdinal(a.Name, b.Name);
			return c;
		}
	}

	class Program
	{
		static void Print(string title, IEnumerable<Team> teams)
		{
			Console.WriteLine(title);
			int i = 1;
			foreach (var t in teams)
				Console.WriteLine("  {0,2}. {1}", i++, t);
		}

		public static void Main(string[] args)
		{
			Team[] teams = {
				new Team { Name = "Rovers", Won = 5, Drawn = 2, Lost = 3, For = 17, Against = 12 },
				new Team { Name = "United", Won = 6, Drawn = 0, Lost = 4, For = 15, Against = 11 },
				new Team { Name = "Athletic", Won = 4, Drawn = 5, Lost = 1, For = 12, Against = 7 },
				new Team { Name = "City", Won = 5, Drawn = 2, Lost = 3, For = 19, Against = 14 },
				new Team { Name = "Wanderers", Won = 2, Drawn = 3, Lost = 5, For = 9, Against = 16 },
				new Team { Name = "Albion", Won = 1, Drawn = 4, Lost = 5, For = 8, Against = 20 },
			};
			var table = (Team[])teams.Clone();
			Array.Sort(table, new LeagueOrder());
			Print("League table:", table);

			var byName = (Team[])teams.Clone();
			Array.Sort(byName, (a, b) => string.Compare(a.Name, b.Name, StringComparison.Ordinal));
			Print("Alphabetical:", byName);

			var list = new List<Team>(teams);
			list.Sort((a, b) => a.Against != b.Against ? a.Against.CompareTo(b.Against) : string.CompareOrdinal(a.Name, b.Name));
			Print("Best defence:", list.Take(3));

			Print("By wins, stable:", teams.OrderByDescending(t => t.Won).ThenBy(t => t.Lost));

			int[] goals = teams.Select(t => t.For).ToArray();
			Array.Sort(goals);
			Console.WriteLine("goals sorted: " + string.Join(" ", goals));
			Console.WriteLine("search 15: {0}, search 10: {1}", Array.BinarySearch(goals, 15), ~Array.BinarySearch(goals, 10));
			Array.Reverse(goals);
			Console.WriteLine("reversed: " + string.Join(" ", goals));

			string[] names = { "alpha", "Charlie", "bravo", "Delta", "echo" };
			var ordinal = (string[])names.Clone();
			Array.Sort(ordinal, StringComparer.Ordinal);
			var ignoreCase = (string[])names.Clone();
			Array.Sort(ignoreCase, StringComparer.OrdinalIgnoreCase);
			Console.WriteLine("ordinal:     " + string.Join(" ", ordinal));
			Console.WriteLine("ignore case: " + string.Join(" ", ignoreCase));
			int[] keys = { 3, 1, 2 };
			string[] items = { "three", "one", "two" };
			Array.Sort(keys, items);
			Console.WriteLine("sorted by key: " + string.Join(" ", items));
		}
	}
}
