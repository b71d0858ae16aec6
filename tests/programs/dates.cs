// Date arithmetic on fixed dates: durations, month ends, leap years,
// weekdays, custom formats, parsing with exact formats and a schedule.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace dates
{
	class Program
	{
		static string D(DateTime d) => d.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture);

		public static void Main(string[] args)
		{
			var start = new DateTime(2024, 1, 31, 9, 30, 0);
			Console.WriteLine("start:        " + start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
			Console.WriteLine("+1 month:     " + D(start.AddMonths(1)));
			Console.WriteLine("+1 year:      " + D(start.AddYears(1)));
			Console.WriteLine("+90 days:     " + D(start.AddDays(90)));
			Console.WriteLine("-36 hours:    " + start.AddHours(-36).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
			Console.WriteLine("day of year:  {0}", start.DayOfYear);
			Console.WriteLine("weekday:      {0}", start.DayOfWeek);

			foreach (int y in new[] { 1900, 2000, 2023, 2024 })
				Console.WriteLine("{0}: leap={1}, Feb has {2} days", y, DateTime.IsLeapYear(y), DateTime.DaysInMonth(y, 2));

			var end = new DateTime(2024, 12, 25, 18, 0, 0);
			TimeSpan span = end - start;
			Console.WriteLine("until Christmas: {0} days {1} hours ({2:F1} hours total)", span.Days, span.Hours, span.TotalHours);
			Console.WriteLine("as TimeSpan: {0}", span);
			Console.WriteLine("formatted: {0}", span.ToString(@"d\.hh\:mm", CultureInfo.InvariantCulture));

			var meeting = TimeSpan.FromMinutes(95);
			Console.WriteLine("meeting {0} = {1}h {2}m", meeting, (int)meeting.TotalHours, meeting.Minutes);
			Console.WriteLine("three meetings: {0}", TimeSpan.FromTicks(meeting.Ticks * 3));

			string[] inputs = { "2024-02-29", "2023-02-29", "1999-12-31", "31.12.1999" };
			foreach (string s in inputs) {
				DateTime d;
				if (DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
					Console.WriteLine("parsed {0} -> {1}", s, d.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture));
				else
					Console.WriteLine("cannot parse {0}", s);
			}

			Console.WriteLine("Paydays (last weekday of each month) in 2024 H1:");
			var paydays = new List<DateTime>();
			for (int m = 1; m <= 6; m++) {
				var d = new DateTime(2024, m, DateTime.DaysInMonth(2024, m));
				while (d.DayOfWeek == DayOfWeek.Saturday || d.DayOfWeek == DayOfWeek.Sunday)
					d = d.AddDays(-1);
				paydays.Add(d);
			}
			foreach (var p in paydays)
				Console.WriteLine("  " + D(p));
			var a = new DateTime(1969, 7, 20, 20, 17, 40, DateTimeKind.Utc);
			Console.WriteLine("moon landing: {0:yyyy-MM-ddTHH:mm:ss}Z, ticks {1}", a, a.Ticks);
			Console.WriteLine("compare: {0} {1}", DateTime.Compare(start, end), start < end);
		}
	}
}
