// Conway's Game of Life on a small wrapping board: a glider and a blinker,
// printed for a few generations with population counts.
using System;
using System.Text;

namespace lifegame
{
	class Board
	{
		readonly bool[,] cells;
		public int Width { get; }
		public int Height { get; }

		public Board(int w, int h) { Width = w; Height = h; cells = new bool[h, w]; }

		public bool this[int x, int y] {
			get { return cells[(y + Height) % Height, (x + Width) % Width]; }
			set { cells[(y + Height) % Height, (x + Width) % Width] = value; }
		}

		public int Neighbours(int x, int y)
		{
			int n = 0;
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++)
					if ((dx != 0 || dy != 0) && this[x + dx, y + dy])
						n++;
			return n;
		}

		public Board Step()
		{
			var next = new Board(Width, Height);
			for (int y = 0; y < Height; y++)
				for (int x = 0; x < Width; x++) {
					int n = Neighbours(x, y);
					next[x, y] = n == 3 || (n == 2 && this[x, y]);
				}
			return next;
		}

		public int Population()
		{
			int p = 0;
			foreach (bool b in cells)
				if (b) p++;
			return p;
		}

		public override string ToString()
		{
			var sb = new StringBuilder();
			for (int y = 0; y < Height; y++) {
				for (int x = 0; x < Width; x++)
					sb.Append(this[x, y] ? '#' : '.');
				sb.Append('\n');
			}
			return sb.ToString();
		}

		public static Board Parse(string[] rows)
		{
			var b = new Board(rows[0].Length, rows.Length);
			for (int y = 0; y < rows.Length; y++)
				for (int x = 0; x < rows[y].Length; x++)
					b[x, y] = rows[y][x] == '#';
			return b;
		}
	}

	class Program
	{
		public static void Main(string[] args)
		{
			var board = Board.Parse(new[] {
				".#........",
				"..#.......",
				"###.......",
				"..........",
				"......###.",
				"..........",
				"..........",
			});
			for (int gen = 0; gen <= 4; gen++) {
				Console.WriteLine("Generation {0}, population {1}:", gen, board.Population());
				Console.Write(board);
				board = board.Step();
			}
			for (int gen = 5; gen < 40; gen++)
				board = board.Step();
			Console.WriteLine("Generation 40, population {0}:", board.Population());
			Console.Write(board.ToString());
		}
	}
}
