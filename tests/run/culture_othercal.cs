// Cultures whose default calendar is not Gregorian (th-TH ThaiBuddhist,
// ar-SA UmAlQura, ps-AF Hijri): CultureInfo.CreateCalendar finds the class
// by Type.GetType of a local, which ilcc follows only where the program
// names such a culture. Until corpus v found it, their Calendar was
// Gregorian and every date format threw ArgumentOutOfRangeException ("Not
// a valid calendar for the given culture").
using System;
using System.Globalization;

class CultureOtherCal {
	static void Main()
	{
		var d = new DateTime(2026, 12, 7, 15, 4, 5);
		foreach (var name in new[] { "th-TH", "ar-SA", "ps-AF", "ar", "de-DE" }) {
			var c = CultureInfo.GetCultureInfo(name);
			Console.WriteLine("{0}: {1} {2} | {3}", name, c.Calendar.GetType().Name,
				c.OptionalCalendars.Length, d.ToString("yyyy-MM-dd", c));
			Console.WriteLine("  era {0} year {1} leap {2}", c.Calendar.GetEra(d),
				c.Calendar.GetYear(d), c.Calendar.IsLeapYear(c.Calendar.GetYear(d)));
		}
		var th = CultureInfo.GetCultureInfo("th-TH");
		DateTime back = DateTime.ParseExact("07/12/2569", "dd/MM/yyyy", th);
		Console.WriteLine(back.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
	}
}
