// Parses numbers typed as text: Parse and TryParse of int, long, double and
// decimal with invariant culture, styles, overflow and bad input.
using System;
using System.Globalization;

namespace parsing
{
	class Program
	{
		static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

		static void TryAll(string s)
		{
			int i; long l; double d; decimal m;
			string ri = int.TryParse(s, NumberStyles.Integer, Inv, out i) ? i.ToString() : "-";
			string rl = long.TryParse(s, NumberStyles.Integer, Inv, out l) ? l.ToString() : "-";
			string rd = double.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, Inv, out d) ? d.ToString("R", Inv) : "-";
			string rm = decimal.TryParse(s, NumberStyles.Number, Inv, out m) ? m.ToString(Inv) : "-";
			Console.WriteLine("{0,-24} int {1,-12} long {2,-20} double {3,-24} decimal {4}", "\"" + s + "\"", ri, rl, rd, rm);
		}

		static string Describe(Func<object> parse)
		{
			try {
				return "= " + parse();
			} catch (Exception e) {
				return e.GetType().Name;
			}
		}

		public static int Main(string[] args)
		{
			string[] samples = {
				"42", "-17", "  8  ", "+3", "2147483647", "2147483648", "-9223372036854775808",
				"3.14", "1e10", "1,234.5", "0.1", "-0.0", "12abc", "", "0x1F", "79228162514264337593543950335",
			};
			foreach (string s in samples)
				TryAll(s);
			Console.WriteLine();
			Console.WriteLine("int.Parse(\"12abc\")      " + Describe(() => int.Parse("12abc")));
			Console.WriteLine("int.Parse(null)         " + Describe(() => int.Parse(null)));
			Console.WriteLine("int.Parse(\"99999999999\") " + Describe(() => int.Parse("99999999999")));
			Console.WriteLine("byte.Parse(\"256\")       " + Describe(() => byte.Parse("256")));
			Console.WriteLine("hex 1F                  " + Describe(() => int.Parse("1F", NumberStyles.HexNumber)));
			Console.WriteLine("hex FFFFFFFF            " + Describe(() => int.Parse("FFFFFFFF", NumberStyles.HexNumber)));
			Console.WriteLine("currency-ish (1,000)    " + Describe(() => decimal.Parse("(1,000)", NumberStyles.AllowParentheses | NumberStyles.AllowThousands, Inv)));
			Console.WriteLine("double.Parse(\"NaN\")     " + Describe(() => double.Parse("NaN", Inv)));
			Console.WriteLine("double.Parse(\"-Infinity\") " + Describe(() => double.Parse("-Infinity", Inv)));
			Console.WriteLine("bool.Parse(\"TRUE\")      " + Describe(() => bool.Parse("TRUE")));
			Console.WriteLine("bool.Parse(\"yes\")       " + Describe(() => bool.Parse("yes")));
			Console.WriteLine("char.Parse(\"x\")         " + Describe(() => char.Parse("x")));
			Console.WriteLine("uint.Parse(\"-1\")        " + Describe(() => uint.Parse("-1")));
			Console.WriteLine("decimal 0.1+0.2         = {0}", decimal.Parse("0.1", Inv) + decimal.Parse("0.2", Inv));
			Console.WriteLine("double 0.1+0.2          = {0:R}", double.Parse("0.1", Inv) + double.Parse("0.2", Inv));
			int total = 0, bad = 0;
			foreach (string s in "10 20 x 30 4.5 -5".Split(' ')) {
				int v;
				if (int.TryParse(s, out v)) total += v; else bad++;
			}
			Console.WriteLine("sum of good numbers: {0}, rejected: {1}", total, bad);
			return bad;
		}
	}
}
