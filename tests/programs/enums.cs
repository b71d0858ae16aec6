// File permissions and order states with enums: ToString, Parse, TryParse,
// [Flags] combinations, HasFlag, casts and switch over states.
using System;
using System.Collections.Generic;

namespace enums
{
	[Flags]
	enum Permission { None = 0, Read = 1, Write = 2, Execute = 4, Delete = 8, All = Read | Write | Execute | Delete }

	enum OrderState : byte { New = 1, Paid, Shipped, Delivered, Cancelled = 99 }

	class Program
	{
		static OrderState Next(OrderState s)
		{
			switch (s) {
			case OrderState.New: return OrderState.Paid;
			case OrderState.Paid: return OrderState.Shipped;
			case OrderState.Shipped: return OrderState.Delivered;
			default: throw new InvalidOperationException("No state after " + s);
			}
		}

		public static int Main(string[] args)
		{
			var p = Permission.Read | Permission.Write;
			Console.WriteLine("p = {0} ({1})", p, (int)p);
			Console.WriteLine("has Write: {0}, has Execute: {1}", p.HasFlag(Permission.Write), (p & Permission.Execute) != 0);
			p |= Permission.Execute;
			p &= ~Permission.Write;
			Console.WriteLine("p = {0}", p);
			Console.WriteLine("All = {0}, None = {1}, 16 = {2}, 17 = {3}", Permission.All, Permission.None, (Permission)16, (Permission)17);
			Console.WriteLine("formats: {0:G} {0:D} {0:X} {0:F}", Permission.Read | Permission.Delete);
			foreach (string s in new[] { "Read, Write", "Execute", "read", "7", "Write|Read", "Bogus" }) {
				Permission parsed;
				if (Enum.TryParse(s, out parsed))
					Console.WriteLine("TryParse \"{0}\" -> {1}", s, parsed);
				else
					Console.WriteLine("TryParse \"{0}\" failed", s);
			}
			Permission ci;
			Console.WriteLine("ignore case: {0} {1}", Enum.TryParse("read, DELETE", true, out ci), ci);
			try {
				Enum.Parse(typeof(Permission), "Fly");
			} catch (ArgumentException e) {
				Console.WriteLine("Parse error: {0}", e.GetType().Name);
			}

			var state = OrderState.New;
			var history = new List<string>();
			while (true) {
				history.Add(state + "=" + (byte)state);
				try {
					state = Next(state);
				} catch (InvalidOperationException e) {
					Console.WriteLine(e.Message);
					break;
				}
			}
			Console.WriteLine(string.Join(" -> ", history));
			Console.WriteLine("Cancelled: {0} {1}", OrderState.Cancelled, (int)OrderState.Cancelled);
			Console.WriteLine("defined 3: {0}, defined 7: {1}", Enum.IsDefined(typeof(OrderState), (byte)3), Enum.IsDefined(typeof(OrderState), (byte)7));
			Console.WriteLine("undefined value prints as {0}", (OrderState)7);
			Console.WriteLine("names: " + string.Join(",", Enum.GetNames(typeof(OrderState))));
			int sum = 0;
			foreach (Permission v in Enum.GetValues(typeof(Permission)))
				sum += (int)v;
			Console.WriteLine("sum of values: {0}", sum);
			Console.WriteLine("compare: {0} {1}", OrderState.Paid < OrderState.Shipped, OrderState.Paid.CompareTo(OrderState.New));
			return (int)state;
		}
	}
}
