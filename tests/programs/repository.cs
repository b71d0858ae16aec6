// A generic in-memory repository for business entities: interfaces,
// constraints, a validation hook, paging and a service using it.
using System;
using System.Collections.Generic;
using System.Linq;

namespace repository
{
	interface IEntity
	{
		int Id { get; set; }
	}

	interface IValidatable
	{
		IEnumerable<string> Validate();
	}

	class Customer : IEntity, IValidatable
	{
		public int Id { get; set; }
		public string Name { get; set; }
		public string Email { get; set; }
		public IEnumerable<string> Validate()
		{
			if (string.IsNullOrWhiteSpace(Name)) yield return "name is required";
			if (Email == null || !Email.Contains("@")) yield return "email '" + Email + "' is invalid";
		}
		public override string ToString() => $"#{Id} {Name} <{Email}>";
	}

	class Product : IEntity
	{
		public int Id { get; set; }
		public string Title { get; set; }
		public decimal Price { get; set; }
		public override string ToString() => $"#{Id} {Title} {Price:F2}";
	}

	class ValidationException : Exception
	{
		public ValidationException(string entity, IEnumerable<string> problems)
			: base(entity + ": " + string.Join("; ", problems)) { }
	}

	class Repository<T> where T : class, IEntity, new()
	{
		readonly Dictionary<int, T> items = new Dictionary<int, T>();
		int nextId = 1;

		public T Add(T item)
		{
			var v = item as IValidatable;
			if (v != null) {
				var problems = v.Validate().ToList();
				if (problems.Count > 0)
					throw new ValidationException(typeof(T).Name, problems);
			}
			item.Id = nextId++;
			items.Add(item.Id, item);
			return item;
		}

		public T Create(Action<T> init)
		{
			var t = new T();
			init(t);
			return Add(t);
		}

		public T Find(int id)
		{
			T item;
			return items.TryGetValue(id, out item) ? item : null;
		}

		public IReadOnlyList<T> Page(int page, int size, Func<T, bool> filter = null) =>
			items.Values.Where(filter ?? (_ => true)).Skip(page * size).Take(size).ToList();

		public int Count => items.Count;
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var customers = new Repository<Customer>();
			var products = new Repository<Product>();
			string[,] raw = { { "Ana Lima", "ana@example.com" }, { "", "nobody@example.com" }, { "Bo Ek", "bo.example.com" }, { "Cy Doe", "cy@example.com" }, { "Di Fox", "di@example.com" } };
			int rejected = 0;
			for (int i = 0; i < raw.GetLength(0); i++) {
				try {
					var c = customers.Add(new Customer { Name = raw[i, 0], Email = raw[i, 1] });
					Console.WriteLine("added " + c);
				} catch (ValidationException e) {
					rejected++;
					Console.WriteLine("rejected: " + e.Message);
				}
			}
			foreach (var t in new[] { ("Lamp", 24.99m), ("Desk", 149m), ("Chair", 89.5m), ("Mug", 7.25m) })
				products.Create(p => { p.Title = t.Item1; p.Price = t.Item2; });
			Console.WriteLine("customers {0}, products {1}", customers.Count, products.Count);
			Console.WriteLine("find 2: {0}; find 9: {1}", customers.Find(2), customers.Find(9) == null ? "none" : "?");
			for (int page = 0; page < 3; page++)
				Console.WriteLine("products page {0}: [{1}]", page, string.Join(", ", products.Page(page, 3)));
			Console.WriteLine("cheap: [{0}]", string.Join(", ", products.Page(0, 10, p => p.Price < 50)));
			return rejected;
		}
	}
}
