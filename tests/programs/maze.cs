// Solves a text maze with breadth-first search (shortest path drawn with
// dots) and counts reachable cells with depth-first search on a Stack.
using System;
using System.Collections.Generic;
using System.Text;

namespace maze
{
	class Program
	{
		static readonly string[] Map = {
			"###############",
			"#S    #       #",
			"# ### # ##### #",
			"#   #   #   # #",
			"### ##### # # #",
			"#   #     #   #",
			"# ### ####### #",
			"#     #      E#",
			"###############",
		};

		static readonly (int dr, int dc)[] Steps = { (-1, 0), (0, 1), (1, 0), (0, -1) };

		static (int, int) Find(char c)
		{
			for (int r = 0; r < Map.Length; r++) {
				int col = Map[r].IndexOf(c);
				if (col >= 0) return (r, col);
			}
			throw new InvalidOperationException("no " + c);
		}

		public static int Main(string[] args)
		{
			var start = Find('S');
			var end = Find('E');
			var prev = new Dictionary<(int, int), (int, int)>();
			var queue = new Queue<(int, int)>();
			queue.Enqueue(start);
			prev[start] = start;
			int expanded = 0;
			while (queue.Count > 0) {
				var cur = queue.Dequeue();
				expanded++;
				if (cur.Equals(end)) break;
				foreach (var s in Steps) {
					var next = (cur.Item1 + s.dr, cur.Item2 + s.dc);
					if (Map[next.Item1][next.Item2] != '#' && !prev.ContainsKey(next)) {
						prev[next] = cur;
						queue.Enqueue(next);
					}
				}
			}
			var grid = new StringBuilder[Map.Length];
			for (int r = 0; r < Map.Length; r++)
				grid[r] = new StringBuilder(Map[r]);
			int length = 0;
			for (var p = prev[end]; !p.Equals(start); p = prev[p]) {
				grid[p.Item1][p.Item2] = '.';
				length++;
			}
			foreach (var row in grid)
				Console.WriteLine(row);
			Console.WriteLine("shortest path: {0} steps, {1} cells expanded", length + 1, expanded);

			var seen = new HashSet<(int, int)>();
			var stack = new Stack<(int, int)>();
			stack.Push(start);
			int deadEnds = 0;
			while (stack.Count > 0) {
				var cur = stack.Pop();
				if (!seen.Add(cur)) continue;
				int open = 0;
				foreach (var s in Steps) {
					var next = (cur.Item1 + s.dr, cur.Item2 + s.dc);
					if (Map[next.Item1][next.Item2] == '#') continue;
					open++;
					if (!seen.Contains(next)) stack.Push(next);
				}
				if (open == 1 && Map[cur.Item1][cur.Item2] == ' ') deadEnds++;
			}
			Console.WriteLine("reachable cells: {0}, dead ends: {1}", seen.Count, deadEnds);
			return length + 1;
		}
	}
}
