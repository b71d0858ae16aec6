// Order analytics with LINQ over records: Join, GroupJoin, GroupBy with
// aggregates, ToDictionary, ToLookup, Zip, Distinct, Skip/Take, Any/All,
// Aggregate, SelectMany and set operators.
using System;
using System.Collections.Generic;
using System.Linq;

namespace orders
{
	class Customer { public int Id; public string Name; public string City; }
	class Order { public int Id; public int CustomerId; public string Product; public int Qty; public decimal Price; }

	class Program
	{
		public static int Main(string[] args)
		{
			var customers = new List<Customer> {
				new Customer { Id = 1, Name = "Acme", City = "Berlin" },
				new Customer { Id = 2, Name = "Globex", City = "Paris" },
				new Customer { Id = 3, Name = "Initech", City = "Berlin" },
				new Customer { Id = 4, Name = "Umbrella", City = "Madrid" },
			};
			var orders = new List<Order> {
				new Order { Id = 100, CustomerId = 1, Product = "bolts", Qty = 500, Price = 0.05m },
				new Order { Id = 101, CustomerId = 2, Product = "nuts", Qty = 200, Price = 0.04m },
				new Order { Id = 102, CustomerId = 1, Product = "gears", Qty = 12, Price = 7.50m },
				new Order { Id = 103, CustomerId = 3, Product = "bolts", Qty = 1000, Price = 0.045m },
				new Order { Id = 104, CustomerId = 2, Product = "gears", Qty = 3, Price = 7.50m },
				new Order { Id = 105, CustomerId = 1, Product = "springs", Qty = 40, Price = 1.20m },
				new Order { Id = 106, CustomerId = 5, Product = "nuts", Qty = 10, Price = 0.04m },
			};
			var joined = from o in orders
			             join c in customers on o.CustomerId equals c.Id
			             orderby c.Name, o.Id
			             select new { c.Name, o.Id, o.Product, Total = o.Qty * o.Price };
			foreach (var j in joined)
				Console.WriteLine("{0,-8} #{1} {2,-8} {3,8:F2}", j.Name, j.Id, j.Product, j.Total);

			var perCustomer = customers.GroupJoin(orders, c => c.Id, o => o.CustomerId,
				(c, os) => new { c.Name, Count = os.Count(), Sum = os.Sum(o => o.Qty * o.Price) });
			foreach (var p in perCustomer)
				Console.WriteLine("{0,-8} {1} orders {2,8:F2}", p.Name, p.Count, p.Sum);

			var orphans = orders.Where(o => !customers.Any(c => c.Id == o.CustomerId)).Select(o => o.Id);
			Console.WriteLine("orders without customer: " + string.Join(",", orphans));

			var byCity = customers.ToLookup(c => c.City);
			Console.WriteLine("Berlin: {0}; Rome: {1}", string.Join("+", byCity["Berlin"].Select(c => c.Name)), byCity["Rome"].Count());
			var names = customers.ToDictionary(c => c.Id, c => c.Name);
			Console.WriteLine("customer 3 is {0}", names[3]);

			var products = orders.GroupBy(o => o.Product)
				.Select(g => new { Product = g.Key, Units = g.Sum(o => o.Qty), Avg = g.Average(o => o.Price), Max = g.Max(o => o.Qty) })
				.OrderByDescending(x => x.Units);
			foreach (var p in products)
				Console.WriteLine("{0,-8} units {1,5} avg price {2:F3} biggest order {3}", p.Product, p.Units, p.Avg, p.Max);

			Console.WriteLine("distinct products: " + string.Join(" ", orders.Select(o => o.Product).Distinct()));
			Console.WriteLine("page 2 of ids (size 3): " + string.Join(" ", orders.OrderBy(o => o.Id).Skip(3).Take(3).Select(o => o.Id)));
			Console.WriteLine("any order over 40: {0}; all qty positive: {1}", orders.Any(o => o.Qty * o.Price > 40), orders.All(o => o.Qty > 0));
			Console.WriteLine("product list: " + orders.Select(o => o.Product).Distinct().OrderBy(p => p).Aggregate((a, b) => a + ", " + b));
			Console.WriteLine("grand total: {0:F2}", orders.Aggregate(0m, (acc, o) => acc + o.Qty * o.Price));
			var weeks = new[] { "W1", "W2", "W3" };
			var sales = new[] { 120, 95, 143 };
			Console.WriteLine("zip: " + string.Join(" ", weeks.Zip(sales, (w, s) => w + "=" + s)));
			var cities1 = customers.Take(2).Select(c => c.City);
			var cities2 = customers.Skip(2).Select(c => c.City);
			Console.WriteLine("union {0} | intersect {1} | except {2}", string.Join(",", cities1.Union(cities2)), string.Join(",", cities1.Intersect(cities2)), string.Join(",", cities1.Except(cities2)));
			var letters = customers.SelectMany(c => c.Name.ToLowerInvariant()).Distinct().OrderBy(c => c);
			Console.WriteLine("letters used: " + new string(letters.ToArray()));
			Console.WriteLine("min/max qty: {0}/{1}, count > 100: {2}, last product: {3}", orders.Min(o => o.Qty), orders.Max(o => o.Qty), orders.Count(o => o.Qty > 100), orders.Last().Product);
			Console.WriteLine("first order for Madrid: {0}", orders.FirstOrDefault(o => o.CustomerId == 4)?.Id.ToString() ?? "none");
			return orphans.Count();
		}
	}
}
