// Writes, appends and reads back files in a data folder relative to the
// current directory, and lists what it made in sorted order.
using System;
using System.IO;
using System.Linq;

namespace fileroundtrip
{
	class Program
	{
		public static int Main(string[] args)
		{
			string root = "data";
			Directory.CreateDirectory(root);
			Directory.CreateDirectory(Path.Combine(root, "archive"));
			string notes = Path.Combine(root, "notes.txt");
			File.WriteAllText(notes, "first line\nsecond line\n");
			File.AppendAllText(notes, "third line\n");
			string[] lines = File.ReadAllLines(notes);
			Console.WriteLine("notes.txt has {0} lines:", lines.Length);
			for (int i = 0; i < lines.Length; i++)
				Console.WriteLine("  {0}: {1}", i + 1, lines[i]);

			string text = File.ReadAllText(notes);
			Console.WriteLine("characters: {0}, upper: {1}", text.Length, text.ToUpperInvariant().Replace("\n", " / ").Trim());

			File.WriteAllLines(Path.Combine(root, "numbers.csv"), Enumerable.Range(1, 5).Select(n => n + "," + n * n));
			int sum = File.ReadAllLines(Path.Combine(root, "numbers.csv"))
				.Select(l => int.Parse(l.Split(',')[1]))
				.Sum();
			Console.WriteLine("sum of squares from numbers.csv: {0}", sum);

			byte[] bytes = { 0, 1, 2, 254, 255, 10, 13 };
			File.WriteAllBytes(Path.Combine(root, "archive", "blob.bin"), bytes);
			byte[] back = File.ReadAllBytes(Path.Combine(root, "archive", "blob.bin"));
			Console.WriteLine("blob: {0} bytes, equal: {1}", back.Length, back.SequenceEqual(bytes));

			File.Copy(notes, Path.Combine(root, "archive", "notes-copy.txt"));
			File.Move(Path.Combine(root, "numbers.csv"), Path.Combine(root, "squares.csv"));
			Console.WriteLine("numbers.csv exists: {0}, squares.csv exists: {1}",
				File.Exists(Path.Combine(root, "numbers.csv")), File.Exists(Path.Combine(root, "squares.csv")));

			Console.WriteLine("Files:");
			foreach (string f in Directory.GetFiles(root, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)) {
				var info = new FileInfo(f);
				Console.WriteLine("  {0,-28} {1,-12} {2,-5} {3,3} bytes", f.Replace('\\', '/'), Path.GetFileName(f), Path.GetExtension(f), info.Length);
			}
			Console.WriteLine("Text files in {0}: {1}", root, string.Join(" ", Directory.GetFiles(root, "*.txt").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n)));
			File.Delete(notes);
			try {
				File.ReadAllText(notes);
			} catch (FileNotFoundException e) {
				Console.WriteLine("{0} for {1}", e.GetType().Name, Path.GetFileName(e.FileName));
			}
			return 0;
		}
	}
}
