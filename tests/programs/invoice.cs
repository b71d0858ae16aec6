// Invoicing with decimal money: line discounts, tiered shipping, tax by
// rounding mode, currency conversion and a payment schedule.
using System;
using System.Collections.Generic;
using System.Linq;

namespace invoice
{
	class InvoiceLine
	{
		public string Description;
		public int Quantity;
		public decimal UnitPrice;
		public decimal DiscountPercent;
		public decimal Net => Math.Round(Quantity * UnitPrice * (1 - DiscountPercent / 100m), 2, MidpointRounding.AwayFromZero);
	}

	class Invoice
	{
		public string Number;
		public DateTime Issued;
		public List<InvoiceLine> Lines = new List<InvoiceLine>();

		public decimal Subtotal => Lines.Sum(l => l.Net);
		public decimal Shipping => Subtotal >= 500m ? 0m : Subtotal >= 100m ? 9.95m : 14.50m;
		public decimal Tax(decimal rate) => Math.Round((Subtotal + Shipping) * rate, 2);
	}

	class Program
	{
		public static void Main(string[] args)
		{
			var inv = new Invoice { Number = "INV-2024-0042", Issued = new DateTime(2024, 3, 15) };
			inv.Lines.Add(new InvoiceLine { Description = "Consulting (hours)", Quantity = 12, UnitPrice = 85.00m });
			inv.Lines.Add(new InvoiceLine { Description = "Licence, annual", Quantity = 3, UnitPrice = 199.99m, DiscountPercent = 15 });
			inv.Lines.Add(new InvoiceLine { Description = "Training day", Quantity = 1, UnitPrice = 640.50m, DiscountPercent = 12.5m });
			inv.Lines.Add(new InvoiceLine { Description = "Travel", Quantity = 2, UnitPrice = 0.335m });
			Console.WriteLine("Invoice {0}  issued {1:yyyy-MM-dd}  due {2:yyyy-MM-dd}", inv.Number, inv.Issued, inv.Issued.AddDays(30));
			Console.WriteLine("{0,-20}{1,5}{2,10}{3,7}{4,12}", "Item", "Qty", "Price", "Disc", "Net");
			foreach (var l in inv.Lines)
				Console.WriteLine("{0,-20}{1,5}{2,10:F3}{3,6}%{4,12:N2}", l.Description, l.Quantity, l.UnitPrice, l.DiscountPercent, l.Net);
			decimal tax = inv.Tax(0.2m);
			decimal total = inv.Subtotal + inv.Shipping + tax;
			Console.WriteLine("{0,42}{1,12:N2}", "Subtotal", inv.Subtotal);
			Console.WriteLine("{0,42}{1,12:N2}", "Shipping", inv.Shipping);
			Console.WriteLine("{0,42}{1,12:N2}", "VAT 20%", tax);
			Console.WriteLine("{0,42}{1,12:N2}", "Total", total);

			decimal[] samples = { 2.345m, 2.355m, -2.345m, 1.005m };
			foreach (decimal d in samples)
				Console.WriteLine("round {0}: even {1} away {2} floor {3} ceiling {4} truncate {5}", d, Math.Round(d, 2), Math.Round(d, 2, MidpointRounding.AwayFromZero),
					Math.Floor(d * 100) / 100, Math.Ceiling(d * 100) / 100, decimal.Truncate(d * 100) / 100);

			var rates = new Dictionary<string, decimal> { ["EUR"] = 1m, ["USD"] = 1.0873m, ["JPY"] = 162.41m, ["GBP"] = 0.8542m };
			foreach (var kv in rates)
				Console.WriteLine("total in {0}: {1,14:N2}", kv.Key, Math.Round(total * kv.Value, 2));

			int months = 4;
			decimal instalment = Math.Floor(total / months * 100) / 100;
			decimal last = total - instalment * (months - 1);
			for (int m = 1; m <= months; m++)
				Console.WriteLine("payment {0}: {1:yyyy-MM-dd} {2,10:F2}", m, inv.Issued.AddMonths(m), m < months ? instalment : last);
			Console.WriteLine("decimal precision: {0} / 3 = {1}", 1m, 1m / 3m);
			Console.WriteLine("max decimal: {0}", decimal.MaxValue);
			Console.WriteLine("scale kept: {0} {1} {2}", 1.50m, 1.50m * 2, 1.50m + 0.250m);
		}
	}
}
