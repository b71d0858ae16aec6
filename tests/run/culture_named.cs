// Named cultures (docs/design.md, "Named cultures, code pages and a second
// corpus"): the cultures a program names as string constants are built in
// from the installed mono's data, with their parents: number, currency,
// percent, date and time formats, day and month names, parsing, names and
// ISO codes, TextInfo, the culture of a thread, CultureInfo(lcid) of a
// named culture, GetCultureInfo's cache and CreateSpecificCulture; a name
// made at run time is not built in and throws CultureNotFoundException
// (Mono finds it: the output skips it). Not yet: the calendars Mono makes
// by name (ar-SA's Um al-Qura, th-TH's Thai Buddhist), so no dates in those
// cultures.
using System;
using System.Globalization;
using System.Threading;
static class P {
	static void Say(string s) { Out.S(s); Out.L(); }
	static void Show(CultureInfo c)
	{
		var d = new DateTime(2021, 3, 7, 15, 4, 5);
		Say(c.Name + " | " + c.EnglishName + " | " + c.TwoLetterISOLanguageName + " " +
		    c.ThreeLetterISOLanguageName + " " + c.ThreeLetterWindowsLanguageName + " " + c.LCID +
		    " | parent " + c.Parent.Name + " | neutral " + c.IsNeutralCulture);
		Say(1234567.891.ToString("N2", c) + " | " + (-42.5m).ToString("C", c) + " | " +
		    0.256.ToString("P1", c) + " | " + (-7).ToString("N0", c) + " | " + double.NaN.ToString(c));
		Say(d.ToString(c) + " | " + d.ToString("D", c) + " | " + d.ToString("t", c) + " | " +
		    d.ToString("Y", c) + " | " + d.ToString("M", c));
		var f = c.DateTimeFormat;
		Say(f.GetMonthName(3) + " " + f.GetAbbreviatedMonthName(12) + " " + f.GetDayName(DayOfWeek.Monday) + " " +
		    f.GetShortestDayName(DayOfWeek.Friday) + " " + f.FirstDayOfWeek + " " + f.CalendarWeekRule + " [" +
		    f.AMDesignator + "] " + f.ShortDatePattern + " " + f.LongTimePattern);
		Say(c.TextInfo.ListSeparator + " " + c.TextInfo.ANSICodePage + " " + c.TextInfo.IsRightToLeft + " " +
		    c.TextInfo.ToTitleCase("hello world") + " " + c.NumberFormat.CurrencySymbol.Length);
	}
	static int Main()
	{
		Show(new CultureInfo("en-US"));
		Show(new CultureInfo("de-DE"));
		Show(CultureInfo.GetCultureInfo("fr-FR"));
		Show(new CultureInfo("EN-gb"));
		Show(new CultureInfo("ja-JP"));
		var sa = new CultureInfo("ar-SA");
		Say(sa.EnglishName + " " + sa.TextInfo.IsRightToLeft + " " + (-7).ToString("N0", sa));
		Show(new CultureInfo("de"));
		var de = new CultureInfo("de-DE");
		Say(decimal.Parse("1.234,5", de) + " " + double.Parse("-3,25", de) + " " +
		    DateTime.Parse("24.12.2020", de).ToString("yyyy-MM-dd") + " " + string.Format(de, "{0:F2}", 2.5));
		Say(new CultureInfo(1031).Name + " " + ReferenceEquals(CultureInfo.GetCultureInfo("fr-FR"), CultureInfo.GetCultureInfo("fr-FR")) +
		    " " + CultureInfo.CreateSpecificCulture("en-US").Name);
		Thread.CurrentThread.CurrentCulture = new CultureInfo("en-US");
		Say(string.Format("{0:C} {1:N} {2}", 1234.5m, 9876.54321, new DateTime(2020, 1, 2, 3, 4, 5)) + " " + DateTime.Parse("1/2/2020").Month);
		Thread.CurrentThread.CurrentCulture = CultureInfo.InvariantCulture;
		string made = new string(new[] { 'i', 't', '-', 'I', 'T' });
		try {
			var it = new CultureInfo(made);
			Say(it.Name == made ? "built in" : "?");
		} catch (CultureNotFoundException) {
			Say("built in");
		}
		try {
			new CultureInfo("xx-NOPE");
		} catch (CultureNotFoundException e) {
			Say("not found: " + e.InvalidCultureName);
		}
		return 0;
	}
}
