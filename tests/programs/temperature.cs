// Converts temperatures given as arguments ("20C", "98.6F", "300K"), prints
// a conversion table for a range, and reports unreadable arguments.
using System;
using System.Globalization;

namespace temperature
{
	enum Scale { Celsius, Fahrenheit, Kelvin }

	struct Temperature
	{
		public readonly double Kelvin;
		Temperature(double k) { Kelvin = k; }

		public static Temperature From(double v, Scale s)
		{
			double k = s == Scale.Celsius ? v + 273.15 : s == Scale.Fahrenheit ? (v - 32) * 5 / 9 + 273.15 : v;
			if (k < 0)
				throw new ArgumentOutOfRangeException(nameof(v), "below absolute zero");
			return new Temperature(k);
		}

		public double In(Scale s) => s == Scale.Celsius ? Kelvin - 273.15 : s == Scale.Fahrenheit ? (Kelvin - 273.15) * 9 / 5 + 32 : Kelvin;

		public static Temperature Parse(string text)
		{
			text = text.Trim().ToUpperInvariant();
			if (text.Length < 2) throw new FormatException("too short: '" + text + "'");
			char unit = text[text.Length - 1];
			Scale s = unit == 'C' ? Scale.Celsius : unit == 'F' ? Scale.Fahrenheit : unit == 'K' ? Scale.Kelvin : throw new FormatException("unknown unit '" + unit + "'");
			return From(double.Parse(text.Substring(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture), s);
		}
	}

	class Program
	{
		public static int Main(string[] args)
		{
			int bad = 0;
			foreach (string a in args) {
				try {
					var t = Temperature.Parse(a);
					Console.WriteLine("{0,8} = {1,8:F2} C = {2,8:F2} F = {3,8:F2} K", a, t.In(Scale.Celsius), t.In(Scale.Fahrenheit), t.In(Scale.Kelvin));
				} catch (FormatException e) {
					bad++;
					Console.WriteLine("{0,8} : {1}", a, e.Message);
				} catch (ArgumentOutOfRangeException) {
					bad++;
					Console.WriteLine("{0,8} : below absolute zero", a);
				}
			}
			Console.WriteLine();
			Console.WriteLine("{0,6} | {1,7} | {2,7}", "C", "F", "K");
			Console.WriteLine(new string('-', 27));
			for (int c = -40; c <= 100; c += 20) {
				var t = Temperature.From(c, Scale.Celsius);
				Console.WriteLine("{0,6} | {1,7:F1} | {2,7:F2}", c, t.In(Scale.Fahrenheit), t.In(Scale.Kelvin));
			}
			Console.WriteLine("{0} argument(s), {1} bad", args.Length, bad);
			return bad > 0 ? 1 : 0;
		}
	}
}
