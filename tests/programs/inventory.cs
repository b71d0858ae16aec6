// A warehouse inventory: records as classes, LINQ queries with ordering,
// grouping, filtering and aggregates, and a restock plan.
using System;
using System.Collections.Generic;
using System.Linq;

namespace inventory
{
	enum Category { Tools, Garden, Kitchen, Office }

	class Item
	{
		public string Sku { get; }
		public string Name { get; }
		public Category Category { get; }
		public int Stock { get; set; }
		public int Reorder { get; }
		public double Price { get; }

		public Item(string sku, string name, Category category, int stock, int reorder, double price)
		{
			Sku = sku; Name = name; Category = category; Stock = stock; Reorder = reorder; Price = price;
		}

		public override string ToString() => $"{Sku} {Name,-18} {Category,-8} {Stock,4} @ {Price,7:F2}";
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var items = new List<Item> {
				new Item("T-100", "Hammer", Category.Tools, 25, 10, 12.99),
				new Item("T-101", "Screwdriver set", Category.Tools, 4, 8, 24.50),
				new Item("G-200", "Watering can", Category.Garden, 0, 5, 9.95),
				new Item("G-201", "Rake", Category.Garden, 12, 4, 17.00),
				new Item("K-300", "Chef knife", Category.Kitchen, 7, 6, 45.00),
				new Item("K-301", "Cutting board", Category.Kitchen, 30, 10, 8.75),
				new Item("O-400", "Stapler", Category.Office, 3, 10, 6.49),
				new Item("O-401", "Paper (500)", Category.Office, 120, 50, 4.99),
			};
			Console.WriteLine("All items by category, then name:");
			foreach (var it in items.OrderBy(i => i.Category).ThenBy(i => i.Name))
				Console.WriteLine("  " + it);

			Console.WriteLine("Stock value by category:");
			var byCat = items.GroupBy(i => i.Category)
				.Select(g => new { Cat = g.Key, Value = g.Sum(i => i.Stock * i.Price), Count = g.Count() })
				.OrderByDescending(x => x.Value);
			foreach (var c in byCat)
				Console.WriteLine($"  {c.Cat,-8} {c.Count} items {c.Value,10:N2}");

			var low = items.Where(i => i.Stock < i.Reorder).OrderBy(i => i.Stock).ToList();
			Console.WriteLine($"Below reorder level: {low.Count}");
			foreach (var it in low) {
				int order = it.Reorder * 2 - it.Stock;
				Console.WriteLine($"  order {order,3} x {it.Name} ({it.Sku}) cost {order * it.Price:F2}");
			}
			Console.WriteLine("Out of stock: " + string.Join(", ", items.Where(i => i.Stock == 0).Select(i => i.Name)));
			Console.WriteLine("Any office item above 100? {0}", items.Any(i => i.Category == Category.Office && i.Stock > 100));
			Console.WriteLine("All priced below 50? {0}", items.All(i => i.Price < 50));
			Console.WriteLine("Cheapest: {0}", items.OrderBy(i => i.Price).First().Name);
			Console.WriteLine("Dearest: {0}", items.OrderByDescending(i => i.Price).First().Name);
			Console.WriteLine("Average price: {0:F3}", items.Average(i => i.Price));
			Console.WriteLine("Total units: {0}", items.Sum(i => i.Stock));
			var lookup = items.ToDictionary(i => i.Sku);
			lookup["T-101"].Stock += 20;
			Console.WriteLine("After restock: " + lookup["T-101"]);
			return low.Count;
		}
	}
}
