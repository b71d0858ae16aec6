// A ring buffer and a 2-D grid with their own enumerators: a struct
// enumerator found by foreach's pattern, IEnumerable<T> with an explicit
// enumerator class, and a version check that fails on modification.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace customenum
{
	class RingBuffer<T> : IEnumerable<T>
	{
		readonly T[] items;
		int start, count, version;

		public RingBuffer(int capacity) { items = new T[capacity]; }

		public void Add(T item)
		{
			items[(start + count) % items.Length] = item;
			if (count == items.Length)
				start = (start + 1) % items.Length;
			else
				count++;
			version++;
		}

		public Enumerator GetEnumerator() => new Enumerator(this);
		IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();
		IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

		public struct Enumerator : IEnumerator<T>
		{
			readonly RingBuffer<T> owner;
			readonly int version;
			int index;

			public Enumerator(RingBuffer<T> owner) { this.owner = owner; version = owner.version; index = -1; }

			public T Current => owner.items[(owner.start + index) % owner.items.Length];
			object IEnumerator.Current => Current;

			public bool MoveNext()
			{
				if (version != owner.version)
					throw new InvalidOperationException("Ring buffer changed during enumeration");
				return ++index < owner.count;
			}

			public void Reset() { index = -1; }
			public void Dispose() { }
		}
	}

	class Grid : IEnumerable<(int, int, char)>
	{
		readonly string[] rows;
		public Grid(params string[] rows) { this.rows = rows; }

		public IEnumerator<(int, int, char)> GetEnumerator() => new CellWalker(rows);
		IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

		class CellWalker : IEnumerator<(int, int, char)>
		{
			readonly string[] rows;
			int r, c = -1;
			public CellWalker(string[] rows) { this.rows = rows; }
			public (int, int, char) Current => (r, c, rows[r][c]);
			object IEnumerator.Current => Current;
			public bool MoveNext()
			{
				c++;
				while (r < rows.Length && c >= rows[r].Length) { r++; c = 0; }
				return r < rows.Length;
			}
			public void Reset() { r = 0; c = -1; }
			public void Dispose() { Console.WriteLine("  (walker disposed)"); }
		}
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var ring = new RingBuffer<int>(4);
			for (int i = 1; i <= 6; i++) {
				ring.Add(i * i);
				var parts = new List<string>();
				foreach (int v in ring)
					parts.Add(v.ToString());
				Console.WriteLine("after {0}: {1}", i, string.Join(" ", parts));
			}
			Console.WriteLine("LINQ over ring: sum {0}, max {1}", ring.Sum(), ring.Max());
			try {
				foreach (int v in ring)
					if (v == 16) ring.Add(0);
			} catch (InvalidOperationException e) {
				Console.WriteLine("error: " + e.Message);
			}

			var grid = new Grid("ab.", "", "#c", "d");
			foreach (var cell in grid) {
				var (row, col, ch) = cell;
				if (ch != '.')
					Console.WriteLine("  ({0},{1}) = {2}", row, col, ch);
			}
			Console.WriteLine("letters: " + new string(grid.Where(x => char.IsLetter(x.Item3)).Select(x => char.ToUpperInvariant(x.Item3)).ToArray()));
			return ring.Count();
		}
	}
}
