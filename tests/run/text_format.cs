// Text through the class library: String.Format with alignment and format
// specifiers, interpolation, number and date formatting and parsing in the
// invariant culture, StringBuilder, collections, the messages of the
// library's exceptions, culture-aware (collation tables) and ordinal
// comparison, Guid, BitConverter, Convert, Random with a seed, enum names.
using System;
using System.Text;
using System.Collections.Generic;
static class P {
	static void Say(string s) { Out.S(s); Out.L(); }
	static int Main() {
		Say(string.Format("{0} {1} {2}", 1, "two", 3.5));
		Say(string.Format("[{0,8:F2}] [{1,-6}] [{2:X4}] [{3:N2}] [{4:P1}] [{5:E3}]", 3.14159, "ab", 255, 1234567.891, 0.256, 12345.678));
		Say(12.ToString() + " " + (-5L).ToString() + " " + 1.5.ToString() + " " + 0.1.ToString() + " " + (1.0/3).ToString());
		Say(int.Parse("123").ToString() + " " + double.Parse("2.5e3").ToString());
		int x; Say(int.TryParse("abc", out x) + " " + x);
		Say($"interp {42:D5} {DateTime.MinValue.Year}");
		decimal d = 12.345m; Say(d.ToString() + " " + (d * 2).ToString("F1"));
		var dt = new DateTime(2024, 3, 15, 13, 45, 30);
		Say(dt.ToString("yyyy-MM-dd HH:mm:ss") + " " + dt.DayOfWeek);
		Say(dt.ToString());
		Say(new TimeSpan(1, 2, 3, 4).ToString());
		var sb = new StringBuilder(); sb.Append("a").Append(1).AppendFormat("{0:D3}", 7).AppendLine("z"); Say(sb.ToString().Trim());
		var l = new List<int> { 5, 3, 9, 1 }; l.Sort(); Say(string.Join(",", l));
		var dct = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }; foreach (var kv in dct) Say(kv.Key + "=" + kv.Value);
		try { var q = dct["zz"]; } catch (KeyNotFoundException e) { Say(e.Message); }
		try { int.Parse("x1"); } catch (FormatException e) { Say(e.Message); }
		try { string s = null; s.Trim(); } catch (NullReferenceException e) { Say(e.Message); }
		try { throw new ArgumentNullException("foo"); } catch (Exception e) { Say(e.Message); }
		Say("abc".ToUpper() + " " + "  pad ".Trim() + " " + "x".PadLeft(4, '.') + " " + "a,b,,c".Split(',').Length);
		Say(Math.Round(double.Parse("2.5")).ToString() + " " + Math.Sqrt(2).ToString() + " " + Math.PI.ToString("F4"));
		Say(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e").ToString());
		Say(BitConverter.ToString(BitConverter.GetBytes(0x12345678)));
		Say(Convert.ToBase64String(new byte[] { 1, 2, 3, 250 }) + " " + Convert.ToInt32("ff", 16));
		var r = new Random(42); Say(r.Next(100) + " " + r.Next(100));
		Say(ConsoleColor.Red.ToString() + " " + Enum.Parse(typeof(ConsoleColor), "Blue"));
		Say(string.Compare("apple", "Banana").ToString() + " " + string.Compare("apple", "Banana", StringComparison.Ordinal));
		Say(3.0.ToString("0.00") + " " + 1e21.ToString() + " " + double.NaN + " " + (1.0/0));
		return 0;
	}
}
