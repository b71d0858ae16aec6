// The calendars whose constructors make their culture by a constant of the
// class library (TaiwanCalendar zh-TW, KoreanCalendar ko-KR,
// JapaneseCalendar ja-JP): the program names none of those cultures.
using System;
using System.Globalization;

class CalendarsTest {
	static void Show(Calendar c, DateTime d)
	{
		Console.WriteLine("{0}: {1}-{2}-{3} era {4} leap {5} days {6}", c.GetType().Name,
			c.GetYear(d), c.GetMonth(d), c.GetDayOfMonth(d), c.GetEra(d),
			c.IsLeapYear(c.GetYear(d)), c.GetDaysInYear(c.GetYear(d)));
	}

	static void Main()
	{
		var d = new DateTime(2024, 2, 29, 13, 45, 7);
		Calendar[] cals = { new TaiwanCalendar(), new KoreanCalendar(), new JapaneseCalendar(),
			new HebrewCalendar(), new HijriCalendar(), new PersianCalendar(), new JulianCalendar(),
			new ThaiBuddhistCalendar(), new UmAlQuraCalendar(), new GregorianCalendar() };
		foreach (var c in cals)
			Show(c, d);
		var tw = new TaiwanCalendar();
		Console.WriteLine(tw.ToDateTime(113, 2, 29, 0, 0, 0, 0).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
		Console.WriteLine(new KoreanCalendar().AddYears(d, 3).Year);
	}
}
