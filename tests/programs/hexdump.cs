// A hexdump of standard input (like hexdump -C), with offsets, hex bytes and
// a printable column, followed by byte statistics.
using System;
using System.IO;
using System.Linq;
using System.Text;

namespace hexdump
{
	class Program
	{
		public static int Main(string[] args)
		{
			string input = Console.In.ReadToEnd();
			byte[] data = Encoding.UTF8.GetBytes(input);
			for (int off = 0; off < data.Length; off += 16) {
				var hex = new StringBuilder();
				var text = new StringBuilder();
				for (int i = 0; i < 16; i++) {
					if (i == 8) hex.Append(' ');
					if (off + i < data.Length) {
						byte b = data[off + i];
						hex.AppendFormat("{0:x2} ", b);
						text.Append(b >= 32 && b < 127 ? (char)b : '.');
					} else {
						hex.Append("   ");
					}
				}
				Console.WriteLine("{0:x8}  {1} |{2}|", off, hex, text);
			}
			Console.WriteLine("{0:x8}", data.Length);
			var counts = new int[256];
			foreach (byte b in data) counts[b]++;
			Console.WriteLine("{0} bytes, {1} distinct, {2} lines, {3} non-ASCII bytes", data.Length, counts.Count(c => c > 0), counts['\n'], data.Count(b => b >= 128));
			var top = Enumerable.Range(0, 256).Where(b => counts[b] > 0).OrderByDescending(b => counts[b]).ThenBy(b => b).Take(5);
			Console.WriteLine("most common: " + string.Join(", ", top.Select(b => string.Format("0x{0:X2}{1} x{2}", b, b > 32 && b < 127 ? " '" + (char)b + "'" : "", counts[b]))));
			int checksum = data.Aggregate(0, (acc, b) => (acc * 31 + b) & 0xFFFF);
			Console.WriteLine("checksum: {0:X4}", checksum);
			return 0;
		}
	}
}
