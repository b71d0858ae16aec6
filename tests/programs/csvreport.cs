// Parses a CSV sales table (with quoted fields) and prints a report per
// region and per product, with totals and column alignment.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace csvreport
{
	class Sale
	{
		public string Region;
		public string Product;
		public int Units;
		public decimal Price;
		public decimal Total => Units * Price;
	}

	class Program
	{
		const string Data = @"region,product,units,price
North,""Widget, large"",12,4.50
South,Gadget,3,19.99
North,Gadget,7,19.99
East,Widget,40,2.25
South,""Widget, large"",1,4.50
East,""Gizmo """"Pro"""""",2,99.00
North,Widget,15,2.25
West,Gadget,0,19.99";

		static List<string> SplitCsv(string line)
		{
			var fields = new List<string>();
			var sb = new StringBuilder();
			bool quoted = false;
			for (int i = 0; i < line.Length; i++) {
				char c = line[i];
				if (quoted) {
					if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') {
						sb.Append('"');
						i++;
					} else if (c == '"') {
						quoted = false;
					} else {
						sb.Append(c);
					}
				} else if (c == '"') {
					quoted = true;
				} else if (c == ',') {
					fields.Add(sb.ToString());
					sb.Clear();
				} else {
					sb.Append(c);
				}
			}
			fields.Add(sb.ToString());
			return fields;
		}

		public static void Main(string[] args)
		{
			var lines = Data.Split('\n');
			var header = SplitCsv(lines[0]);
			Console.WriteLine("Columns: " + string.Join(" | ", header.Select(h => h.ToUpperInvariant())));
			var sales = new List<Sale>();
			foreach (string line in lines.Skip(1)) {
				var f = SplitCsv(line.TrimEnd('\r'));
				sales.Add(new Sale {
					Region = f[0],
					Product = f[1],
					Units = int.Parse(f[2]),
					Price = decimal.Parse(f[3], CultureInfo.InvariantCulture),
				});
			}
			Console.WriteLine("{0} rows read", sales.Count);
			Console.WriteLine();
			Console.WriteLine("{0,-8}{1,8}{2,12}", "Region", "Units", "Revenue");
			Console.WriteLine(new string('-', 28));
			foreach (var g in sales.GroupBy(s => s.Region).OrderBy(g => g.Key, StringComparer.Ordinal))
				Console.WriteLine("{0,-8}{1,8}{2,12:N2}", g.Key, g.Sum(s => s.Units), g.Sum(s => s.Total));
			Console.WriteLine(new string('-', 28));
			Console.WriteLine("{0,-8}{1,8}{2,12:N2}", "All", sales.Sum(s => s.Units), sales.Sum(s => s.Total));
			Console.WriteLine();
			Console.WriteLine("By product (best first):");
			var products = sales.GroupBy(s => s.Product)
				.Select(g => new { Name = g.Key, Revenue = g.Sum(s => s.Total), Regions = g.Select(s => s.Region).Distinct().Count() })
				.OrderByDescending(p => p.Revenue);
			foreach (var p in products)
				Console.WriteLine("  {0,-16} {1,9:F2} in {2} region(s)", "[" + p.Name + "]", p.Revenue, p.Regions);
			var zero = sales.Where(s => s.Units == 0).Select(s => s.Region + "/" + s.Product);
			Console.WriteLine("Rows without sales: " + string.Join(", ", zero));
		}
	}
}
