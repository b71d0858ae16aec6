// An order importer that stops with an unhandled custom exception on the
// third bad record: the lines before it are printed, and the process exits
// with status 1 (the exception's report goes to standard error).
using System;
using System.Collections.Generic;

namespace unhandled
{
	class ImportException : Exception
	{
		public ImportException(string message) : base(message) { }
	}

	class Importer
	{
		int rejected;

		public decimal Import(string record)
		{
			string[] f = record.Split(';');
			if (f.Length != 3) {
				rejected++;
				Console.WriteLine("rejected (fields): " + record);
				if (rejected == 3)
					throw new ImportException("Too many rejected records, last: " + record);
				return 0;
			}
			decimal qty = decimal.Parse(f[1]);
			decimal price = decimal.Parse(f[2]);
			Console.WriteLine("{0,-10} {1,4} x {2,8:F2} = {3,9:F2}", f[0], qty, price, qty * price);
			return qty * price;
		}
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var records = new List<string> {
				"apples;10;0.45", "pears;4;0.80", "broken", "plums;12;0.30",
				"a;b", "cherries;1;5.00", "x", "never;1;1",
			};
			var importer = new Importer();
			decimal total = 0;
			try {
				foreach (string r in records)
					total += importer.Import(r);
			} finally {
				Console.WriteLine("total so far: {0:F2}", total);
			}
			Console.WriteLine("not reached");
			return 0;
		}
	}
}
