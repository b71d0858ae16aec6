// Prints month calendars like cal(1) for fixed months, with ISO week
// numbers, and lists the Fridays the 13th and Easter dates for some years.
using System;
using System.Globalization;
using System.Text;

namespace calendar
{
	class Program
	{
		static void PrintMonth(int year, int month)
		{
			var first = new DateTime(year, month, 1);
			string title = first.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
			Console.WriteLine(title.PadLeft((27 + title.Length) / 2));
			Console.WriteLine("Wk Mo Tu We Th Fr Sa Su");
			int offset = ((int)first.DayOfWeek + 6) % 7;
			int days = DateTime.DaysInMonth(year, month);
			var line = new StringBuilder();
			for (int d = 1 - offset; d <= days; d += 7) {
				line.Clear();
				var monday = first.AddDays(d - 1);
				line.AppendFormat("{0,2}", CultureInfo.InvariantCulture.Calendar.GetWeekOfYear(monday.AddDays(3), CalendarWeekRule.FirstFourDayWeek, DayOfWeek.Monday));
				for (int k = 0; k < 7; k++) {
					int day = d + k;
					line.Append(day >= 1 && day <= days ? day.ToString().PadLeft(3) : "   ");
				}
				Console.WriteLine(line.ToString().TrimEnd());
			}
			Console.WriteLine();
		}

		static DateTime Easter(int y)
		{
			int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
			int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
			int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
			int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
			return new DateTime(y, month, day);
		}

		public static void Main(string[] args)
		{
			PrintMonth(2024, 2);
			PrintMonth(2021, 1);
			PrintMonth(2026, 11);
			for (int y = 2024; y <= 2026; y++) {
				var sb = new StringBuilder();
				for (int m = 1; m <= 12; m++) {
					var d = new DateTime(y, m, 13);
					if (d.DayOfWeek == DayOfWeek.Friday)
						sb.Append(' ').Append(d.ToString("MMM", CultureInfo.InvariantCulture));
				}
				Console.WriteLine("{0}: Friday 13th in{1}; Easter {2:dd MMMM}; day {3} of {4}", y, sb, Easter(y), Easter(y).DayOfYear, DateTime.IsLeapYear(y) ? 366 : 365);
			}
			var a = new DateTime(2024, 1, 1);
			int workdays = 0;
			for (var d = a; d.Year == 2024; d = d.AddDays(1))
				if (d.DayOfWeek != DayOfWeek.Saturday && d.DayOfWeek != DayOfWeek.Sunday)
					workdays++;
			Console.WriteLine("weekdays in 2024: {0}", workdays);
		}
	}
}
