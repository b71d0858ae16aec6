// cultures: writes the culture data of the installed mono, as its runtime's
// internal calls hand it to the class library, one culture a line, for ilcc
// to build into programs that name a culture (src/emit/culture.c reads it;
// runtime/icall_culture.c hands it out as Mono's internal calls do).
// Run under mono at build time (make): the data is the machine's, not ours.
//
// A line: fields separated by TAB; an array is its elements separated by
// 0x1F; a null string or array is 0x01, an empty array 0x02. The order of
// the fields is runtime/icall_culture.c's; after them, for src/emit/culture.c
// only, the culture CreateSpecificCulture makes of a neutral one (0x01 for
// others). The lines keep GetCultures's order, Mono's table order, which
// internal_get_cultures hands out.
// The second file: the regions construct_internal_region_from_name finds
// (two letters or three digits), one a line, RegionInfo's fields in the
// order of Region below.
// Written for ilcc.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;

static class Cultures {
	const BindingFlags Any = BindingFlags.Instance | BindingFlags.Static |
		BindingFlags.Public | BindingFlags.NonPublic;

	static object Field(object o, string name)
	{
		FieldInfo f = o.GetType().GetField(name, Any);
		if (f == null)
			throw new Exception(o.GetType() + " has no field " + name);
		return f.GetValue(o);
	}

	static string Text(object v)
	{
		if (v == null)
			return "\x01";
		string[] a = v as string[];
		if (a != null && a.Length == 0)
			return "\x02";
		if (a != null) {
			var parts = new string[a.Length];
			for (int i = 0; i < a.Length; i++)
				parts[i] = Text(a[i]);
			return string.Join("\x1f", parts);
		}
		string s = Convert.ToString(v, CultureInfo.InvariantCulture);
		if (s.IndexOfAny(new[] { '\t', '\n', '\x1f', '\x01', '\x02' }) >= 0)
			throw new Exception("separator inside " + s);
		return s;
	}

	static object Call(object o, Type t, string name, object[] args)
	{
		MethodInfo m = t.GetMethod(name, Any);
		if (m == null)
			throw new Exception(t + " has no method " + name);
		return m.Invoke(o, args);
	}

	static unsafe string Utf8At(byte* p)
	{
		int n = 0;
		while (p[n] != 0)
			n++;
		return Encoding.UTF8.GetString(p, n);
	}

	// CultureInfo's fields as construct_internal_locale_from_name sets them
	static void Info(List<string> o, CultureInfo ci)
	{
		foreach (var f in new[] { "m_name", "cultureID", "parent_lcid", "default_calendar_type",
				"englishname", "nativename", "iso3lang", "iso2lang", "win3lang",
				"territory", "native_calendar_names" })
			o.Add(Text(Field(ci, f)));
		// the Data struct behind textinfo_data: ansi, ebcdic, mac, oem code
		// pages, right_to_left, list_sep
		object ti = Call(ci, typeof(CultureInfo), "GetTextInfoData", null);
		foreach (var f in new[] { "ansi", "ebcdic", "mac", "oem" })
			o.Add(Text(Field(ti, f)));
		o.Add((bool)Field(ti, "right_to_left") ? "1" : "0");
		o.Add(Text(Field(ti, "list_sep")));
	}

	// CultureData's fields as fill_culture_data sets them
	static void Data(List<string> o, int index)
	{
		Type t = typeof(CultureInfo).Assembly.GetType("System.Globalization.CultureData");
		object cd = FormatterServices.GetUninitializedObject(t);
		Call(cd, t, "fill_culture_data", new object[] { index });
		foreach (var f in new[] { "sAM1159", "sPM2359", "sTimeSeparator", "saLongTimes",
				"saShortTimes", "iFirstDayOfWeek", "iFirstWeekOfYear" })
			o.Add(Text(Field(cd, f)));
	}

	// NumberFormatEntryManaged as fill_number_data fills it, strings resolved
	static unsafe void Numbers(List<string> o, int index)
	{
		Type cd = typeof(CultureInfo).Assembly.GetType("System.Globalization.CultureData");
		Type t = cd.GetNestedType("NumberFormatEntryManaged", Any);
		object[] args = { index, Activator.CreateInstance(t) };
		byte* strings = (byte*)Pointer.Unbox(Call(null, cd, "fill_number_data", args));
		foreach (FieldInfo f in t.GetFields(Any)) {
			int v = (int)f.GetValue(args[1]);
			bool str = f.Name.EndsWith("_separator") || f.Name.EndsWith("_symbol") ||
				f.Name.EndsWith("_sign");
			o.Add(str ? Text(Utf8At(strings + v)) : v.ToString());
		}
	}

	// CalendarData's fields as fill_calendar_data sets them
	static void Calendar(List<string> o, string name)
	{
		Type t = typeof(CultureInfo).Assembly.GetType("System.Globalization.CalendarData");
		object cal = FormatterServices.GetUninitializedObject(t);
		if (!(bool)Call(cal, t, "fill_calendar_data", new object[] { name.ToLowerInvariant(), 1 }))
			throw new Exception("no calendar data for " + name);
		foreach (var f in new[] { "sNativeName", "saShortDates", "saYearMonths", "saLongDates",
				"sMonthDay", "saDayNames", "saAbbrevDayNames", "saSuperShortDayNames",
				"saMonthNames", "saAbbrevMonthNames", "saMonthGenitiveNames",
				"saAbbrevMonthGenitiveNames" })
			o.Add(Text(Field(cal, f)));
	}

	static string Specific(CultureInfo ci)
	{
		if (!ci.IsNeutralCulture)
			return "\x01";
		try {
			return Text(CultureInfo.CreateSpecificCulture(ci.Name).Name);
		} catch (Exception) {
			return "\x01";
		}
	}

	// RegionInfo's fields as construct_internal_region_from_name sets them
	static string Region(string name)
	{
		object r = FormatterServices.GetUninitializedObject(typeof(RegionInfo));
		if (!(bool)Call(r, typeof(RegionInfo), "construct_internal_region_from_name",
				new object[] { name }))
			return null;
		var o = new List<string>();
		foreach (var f in new[] { "regionId", "iso2Name", "iso3Name", "win3Name", "englishName",
				"nativeName", "currencySymbol", "isoCurrencySymbol", "currencyEnglishName",
				"currencyNativeName" })
			o.Add(Text(Field(r, f)));
		return name + "\t" + string.Join("\t", o);
	}

	static void Regions(string path)
	{
		var lines = new List<string>();
		for (char a = 'A'; a <= 'Z'; a++)
			for (char b = 'A'; b <= 'Z'; b++)
				lines.Add(Region("" + a + b));
		for (int n = 0; n < 1000; n++)
			lines.Add(Region(n.ToString("D3")));
		lines.RemoveAll(l => l == null);
		File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
	}

	static int Main(string[] args)
	{
		var lines = new List<string>();
		foreach (CultureInfo c in CultureInfo.GetCultures(CultureTypes.AllCultures)) {
			if (c.Name == "")
				continue;
			var ci = new CultureInfo(c.Name, false);
			var o = new List<string>();
			Info(o, ci);
			Data(o, (int)Field(ci, "datetime_index"));
			Numbers(o, (int)Field(ci, "number_index"));
			Calendar(o, ci.Name);
			o.Add(Specific(ci));
			lines.Add(string.Join("\t", o));
		}
		File.WriteAllText(args[0], string.Join("\n", lines) + "\n", new UTF8Encoding(false));
		Regions(args[1]);
		return 0;
	}
}
