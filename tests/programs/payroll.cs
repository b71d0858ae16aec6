// Monthly payroll for a small company: an employee hierarchy (salaried,
// hourly, contractors) behind an interface, tax brackets, department
// summaries with LINQ and a payslip per person.
using System;
using System.Collections.Generic;
using System.Linq;

namespace payroll
{
	interface IPayable
	{
		string Name { get; }
		string Department { get; }
		decimal GrossPay();
	}

	abstract class Employee : IPayable
	{
		public string Name { get; }
		public string Department { get; }
		public DateTime Hired { get; }
		protected Employee(string name, string dept, DateTime hired) { Name = name; Department = dept; Hired = hired; }
		public abstract decimal GrossPay();
		public int YearsOfService(DateTime on) => on.Year - Hired.Year - (on.DayOfYear < Hired.DayOfYear ? 1 : 0);
	}

	class Salaried : Employee
	{
		readonly decimal annual;
		public Salaried(string n, string d, DateTime h, decimal annual) : base(n, d, h) { this.annual = annual; }
		public override decimal GrossPay() => Math.Round(annual / 12, 2);
	}

	class Hourly : Employee
	{
		readonly decimal rate, hours;
		public Hourly(string n, string d, DateTime h, decimal rate, decimal hours) : base(n, d, h) { this.rate = rate; this.hours = hours; }
		public override decimal GrossPay() => rate * Math.Min(hours, 160) + rate * 1.5m * Math.Max(hours - 160, 0);
	}

	class Contractor : IPayable
	{
		public string Name { get; }
		public string Department => "External";
		readonly decimal invoice;
		public Contractor(string name, decimal invoice) { Name = name; this.invoice = invoice; }
		public decimal GrossPay() => invoice;
	}

	class Program
	{
		static readonly (decimal Upto, decimal Rate)[] Brackets = { (1000m, 0m), (3000m, 0.2m), (decimal.MaxValue, 0.4m) };

		static decimal Tax(decimal gross)
		{
			decimal tax = 0, lower = 0;
			foreach (var b in Brackets) {
				if (gross > lower)
					tax += (Math.Min(gross, b.Upto) - lower) * b.Rate;
				lower = b.Upto;
			}
			return Math.Round(tax, 2);
		}

		public static int Main(string[] args)
		{
			var payDay = new DateTime(2024, 4, 30);
			var staff = new List<IPayable> {
				new Salaried("Maria Lopez", "Engineering", new DateTime(2015, 9, 1), 78000m),
				new Salaried("Tom Berg", "Sales", new DateTime(2021, 5, 17), 52000m),
				new Hourly("Ana Silva", "Support", new DateTime(2019, 1, 7), 21.50m, 172),
				new Hourly("Ken Ito", "Support", new DateTime(2023, 11, 20), 19.00m, 120),
				new Salaried("Olu Ade", "Engineering", new DateTime(2010, 4, 30), 96000m),
				new Contractor("Pixel & Co", 4200m),
			};
			Console.WriteLine("Payroll for {0:MMMM yyyy}", payDay);
			Console.WriteLine("{0,-12} {1,-12} {2,10} {3,9} {4,10} {5,5}", "Name", "Department", "Gross", "Tax", "Net", "Years");
			foreach (var p in staff.OrderBy(p => p.Department).ThenBy(p => p.Name)) {
				decimal gross = p.GrossPay(), tax = p is Contractor ? 0 : Tax(gross);
				var e = p as Employee;
				Console.WriteLine("{0,-12} {1,-12} {2,10:N2} {3,9:N2} {4,10:N2} {5,5}", p.Name, p.Department, gross, tax, gross - tax, e != null ? e.YearsOfService(payDay).ToString() : "-");
			}
			Console.WriteLine();
			var depts = staff.GroupBy(p => p.Department)
				.Select(g => new { Dept = g.Key, People = g.Count(), Total = g.Sum(p => p.GrossPay()), Avg = g.Average(p => p.GrossPay()) })
				.OrderByDescending(d => d.Total);
			foreach (var d in depts)
				Console.WriteLine("{0,-12} {1} people, total {2,10:N2}, average {3,10:N2}", d.Dept, d.People, d.Total, d.Avg);
			decimal payroll = staff.Sum(p => p.GrossPay());
			Console.WriteLine("total payroll {0:N2}; employees only {1:N2}", payroll, staff.OfType<Employee>().Sum(e => e.GrossPay()));
			var veteran = staff.OfType<Employee>().OrderByDescending(e => e.YearsOfService(payDay)).First();
			Console.WriteLine("longest serving: {0}, hired {1:d MMM yyyy}, {2} years", veteran.Name, veteran.Hired, veteran.YearsOfService(payDay));
			Console.WriteLine("anniversaries this month: {0}", string.Join(", ", staff.OfType<Employee>().Where(e => e.Hired.Month == payDay.Month).Select(e => e.Name)));
			return 0;
		}
	}
}
