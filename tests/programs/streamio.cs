// A tiny journal stored with StreamWriter and read back with StreamReader:
// writes entries, appends more, reads line by line, peeks, rewrites a
// filtered copy and compares sizes, all in files of the current folder.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace streamio
{
	class Program
	{
		static int CountLines(string path)
		{
			int n = 0;
			using (var r = new StreamReader(path))
				while (r.ReadLine() != null)
					n++;
			return n;
		}

		public static int Main(string[] args)
		{
			const string journal = "journal.log";
			using (var w = new StreamWriter(journal)) {
				w.WriteLine("# journal v1");
				for (int i = 1; i <= 5; i++)
					w.WriteLine("{0:D3}|{1}|{2}", i, i % 2 == 0 ? "work" : "home", "entry number " + i);
				w.Write("006|work|");
				w.Write(42);
				w.WriteLine();
			}
			using (var w = new StreamWriter(journal, append: true)) {
				w.WriteLine("007|home|appended later");
				w.NewLine = "\n";
				w.WriteLine("008|work|last one");
			}
			Console.WriteLine("lines written: {0}", CountLines(journal));
			var byTag = new Dictionary<string, List<string>>();
			using (var r = new StreamReader(journal, Encoding.UTF8)) {
				Console.WriteLine("first char: '{0}'", (char)r.Peek());
				string header = r.ReadLine();
				Console.WriteLine("header: " + header);
				string line;
				while ((line = r.ReadLine()) != null) {
					var f = line.Split('|');
					List<string> list;
					if (!byTag.TryGetValue(f[1], out list))
						byTag[f[1]] = list = new List<string>();
					list.Add(f[0]);
				}
				Console.WriteLine("at end: {0}", r.EndOfStream);
			}
			foreach (var kv in byTag)
				Console.WriteLine("{0}: {1}", kv.Key, string.Join(",", kv.Value));

			using (var r = new StreamReader(journal))
			using (var w = new StreamWriter("work.log")) {
				string line;
				while ((line = r.ReadLine()) != null)
					if (line.Contains("|work|"))
						w.WriteLine(line.ToUpperInvariant());
			}
			Console.WriteLine("work.log:");
			Console.Write(File.ReadAllText("work.log"));
			Console.WriteLine("sizes: {0} and {1} bytes", new FileInfo(journal).Length, new FileInfo("work.log").Length);

			using (var fs = new FileStream("numbers.bin", FileMode.Create))
			using (var bw = new BinaryWriter(fs)) {
				bw.Write(7);
				bw.Write(3.25);
				bw.Write("text");
				bw.Write(true);
			}
			using (var br = new BinaryReader(File.OpenRead("numbers.bin")))
				Console.WriteLine("binary: {0} {1} {2} {3} ({4} bytes)", br.ReadInt32(), br.ReadDouble(), br.ReadString(), br.ReadBoolean(), br.BaseStream.Length);
			using (var sr = new StringReader("alpha\nbeta\n\ngamma"))
			{
				string l;
				var seen = new List<string>();
				while ((l = sr.ReadLine()) != null)
					seen.Add("[" + l + "]");
				Console.WriteLine("string reader: " + string.Join("", seen));
			}
			var sw = new StringWriter();
			sw.Write("x={0};", 1);
			sw.WriteLine("y={0}", 2);
			Console.Write("string writer: " + sw);
			return 0;
		}
	}
}
