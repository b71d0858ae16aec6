// A bank-teller queue simulation driven by a seeded Random: customers
// arrive, wait in a Queue and are served by tellers; prints statistics.
using System;
using System.Collections.Generic;
using System.Linq;

namespace bankqueue
{
	struct Customer
	{
		public int Id;
		public int Arrival;
		public int ServiceTime;
	}

	class Teller
	{
		public string Name;
		public int BusyUntil;
		public int Served;
		public int BusyMinutes;
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var rng = new Random(2024);
			var queue = new Queue<Customer>();
			var tellers = new[] { new Teller { Name = "Ann" }, new Teller { Name = "Bob" } };
			var waits = new List<int>();
			int nextId = 1, maxQueue = 0;
			const int closing = 120;
			for (int minute = 0; minute < closing || queue.Count > 0; minute++) {
				if (minute < closing) {
					int arrivals = rng.Next(100) < 45 ? 1 + (rng.Next(4) == 0 ? 1 : 0) : 0;
					for (int i = 0; i < arrivals; i++)
						queue.Enqueue(new Customer { Id = nextId++, Arrival = minute, ServiceTime = 2 + rng.Next(5) });
				}
				foreach (var t in tellers) {
					if (t.BusyUntil <= minute && queue.Count > 0) {
						var c = queue.Dequeue();
						waits.Add(minute - c.Arrival);
						t.BusyUntil = minute + c.ServiceTime;
						t.BusyMinutes += c.ServiceTime;
						t.Served++;
						if (c.Id % 25 == 0)
							Console.WriteLine("minute {0,3}: {1} serves customer #{2} (waited {3} min)", minute, t.Name, c.Id, minute - c.Arrival);
					}
				}
				maxQueue = Math.Max(maxQueue, queue.Count);
			}
			Console.WriteLine("customers: {0}", waits.Count);
			Console.WriteLine("longest queue: {0}", maxQueue);
			Console.WriteLine("average wait: {0:F2} min", waits.Average());
			Console.WriteLine("longest wait: {0} min", waits.Max());
			Console.WriteLine("served without waiting: {0:P0}", (double)waits.Count(w => w == 0) / waits.Count);
			foreach (var t in tellers)
				Console.WriteLine("{0}: {1} customers, busy {2} min", t.Name, t.Served, t.BusyMinutes);
			var buckets = waits.GroupBy(w => w / 5).OrderBy(g => g.Key);
			foreach (var b in buckets)
				Console.WriteLine("  wait {0,2}-{1,-2} {2}", b.Key * 5, b.Key * 5 + 4, new string('*', b.Count()));
			return 0;
		}
	}
}
