// Builds a shop receipt with StringBuilder: AppendFormat, AppendLine,
// Insert, Replace, Remove, indexer edits, Length and capacity growth.
using System;
using System.Text;

namespace receipt
{
	class Program
	{
		struct Line
		{
			public string Item;
			public int Qty;
			public decimal Unit;
			public Line(string item, int qty, decimal unit) { Item = item; Qty = qty; Unit = unit; }
		}

		const int Width = 36;

		static string Center(string s) => s.PadLeft((Width + s.Length) / 2).PadRight(Width);

		public static void Main(string[] args)
		{
			var lines = new[] {
				new Line("Sourdough loaf", 1, 4.20m), new Line("Oat milk 1l", 3, 1.85m),
				new Line("Apples (kg)", 2, 2.40m), new Line("Dark chocolate", 4, 2.15m),
				new Line("Coffee beans 500g", 1, 11.90m),
			};
			var sb = new StringBuilder();
			sb.AppendLine(new string('=', Width));
			sb.AppendLine(Center("CORNER GROCERY"));
			sb.AppendLine(Center("Receipt no. 000123"));
			sb.AppendLine(new string('=', Width));
			decimal subtotal = 0;
			foreach (var l in lines) {
				decimal amount = l.Qty * l.Unit;
				subtotal += amount;
				sb.AppendFormat("{0,-18}{1,3} x{2,6:F2}{3,7:F2}", l.Item, l.Qty, l.Unit, amount).AppendLine();
			}
			sb.AppendLine(new string('-', Width));
			decimal discount = Math.Round(subtotal * 0.05m, 2);
			decimal vat = Math.Round((subtotal - discount) * 0.12m, 2, MidpointRounding.AwayFromZero);
			sb.AppendFormat("{0,-29}{1,7:F2}\n", "Subtotal", subtotal);
			sb.AppendFormat("{0,-29}{1,7:F2}\n", "Member discount 5%", -discount);
			sb.AppendFormat("{0,-29}{1,7:F2}\n", "VAT 12%", vat);
			sb.AppendFormat("{0,-29}{1,7:F2}\n", "TOTAL", subtotal - discount + vat);
			sb.Append('=', Width).Append('\n');
			sb.Insert(0, "*** COPY ***\n");
			sb.Replace("Oat milk", "Oat drink");
			int at = sb.ToString().IndexOf("Receipt");
			sb[at] = 'r';
			sb.Remove(0, "*** COPY ***\n".Length);
			Console.Write(sb.ToString());
			Console.WriteLine("receipt has {0} characters, {1} lines", sb.Length, sb.ToString().Split('\n').Length - 1);

			var csv = new StringBuilder();
			foreach (var l in lines)
				csv.Append(l.Item.Replace(' ', '_')).Append(';').Append(l.Qty).Append(';').Append(l.Unit).Append(',');
			csv.Length--;
			Console.WriteLine(csv);
			var small = new StringBuilder(4);
			for (char c = 'a'; c <= 'z'; c++)
				small.Append(c);
			Console.WriteLine("{0} (length {1}, capacity at least 26: {2})", small, small.Length, small.Capacity >= 26);
			Console.WriteLine("Equals: {0}, char at 3: {1}, substring: {2}", small.Equals(new StringBuilder("abcdefghijklmnopqrstuvwxyz")), small[3], small.ToString(10, 5));
			small.Clear();
			Console.WriteLine("cleared length {0}", small.Length);
		}
	}
}
