// CultureInfo.GetCultures, RegionInfo, CreateSpecificCulture of a neutral
// name, cultures by number and names made at run time from constants
// (docs/design.md, "The long tail, fourth corpus"): GetCultures builds
// every culture of the installed mono in, in Mono's order with the
// invariant one first; RegionInfo's data for the regions named and the
// territories of the cultures built in.
using System;
using System.Globalization;
using System.Linq;
static class P {
	static int Main(string[] args)
	{
		var all = CultureInfo.GetCultures(CultureTypes.AllCultures);
		var neutral = CultureInfo.GetCultures(CultureTypes.NeutralCultures);
		var specific = CultureInfo.GetCultures(CultureTypes.SpecificCultures);
		Out.L("counts", all.Length + " " + neutral.Length + " " + specific.Length);
		Out.L("first", all[0].Name == "" ? "invariant" : all[0].Name);
		Out.L("order", string.Join(",", all.Skip(1).Take(8).Select(c => c.Name)));
		Out.L("en", string.Join(",", specific.Where(c => c.Name.StartsWith("en-")).Select(c => c.Name).Take(5)));
		Out.L("neutral", neutral.Skip(1).All(c => c.IsNeutralCulture) + " " + specific.All(c => !c.IsNeutralCulture));
		Out.L("listed not read-only", all[5].IsReadOnly + " " + all[5].UseUserOverride);
		var sv = specific.First(c => c.Name == "sv-SE");
		Out.L("sv-SE", 1234.5.ToString("N2", sv) + " " + new DateTime(2024, 3, 9).ToString("D", sv));
		foreach (var n in new[] { "en", "fr", "zh-Hans", "pt", "de" }) {
			var c = CultureInfo.CreateSpecificCulture(n);
			Out.L(n, c.Name + " " + c.IsNeutralCulture);
		}
		foreach (var r in new[] { "US", "de", "JP", "fr-FR", "BR" }) {
			var ri = new RegionInfo(r);
			Out.L(r, ri.Name + " " + ri.EnglishName + " " + ri.ThreeLetterISORegionName + " " +
			      ri.ISOCurrencySymbol + " " + ri.CurrencyEnglishName + " " + ri.IsMetric + " " + ri.GeoId);
		}
		Out.L("by lcid", new CultureInfo(1043).Name + " " + new RegionInfo(2057).Name);
		try {
			new RegionInfo("QQ");
		} catch (ArgumentException e) {
			Out.L("no region", e.GetType().Name);
		}
		string lang = args.Length > 9 ? args[0] : "nb", region = args.Length > 9 ? args[1] : "NO";
		var made = new CultureInfo(lang + "-" + region);
		Out.L("made", made.Name + " " + made.EnglishName + " " + 2.5.ToString("C", made));
		return 0;
	}
}
