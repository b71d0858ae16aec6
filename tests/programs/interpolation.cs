// A weather station report built with string interpolation: alignment,
// format specifiers, conditional expressions, escaped braces, verbatim
// interpolated strings, FormattableString and IFormattable values.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace interpolation
{
	class Reading : IFormattable
	{
		public string Station;
		public DateTime Time;
		public double TempC, WindKmh, RainMm;
		public int Humidity;

		public string ToString(string format, IFormatProvider provider)
		{
			switch (format) {
			case "short": return $"{Station}: {TempC:F1}C";
			case "wind": return $"{WindKmh,5:F1} km/h ({WindKmh / 3.6:F2} m/s)";
			default: return $"{Station} at {Time:HH:mm}";
			}
		}

		public override string ToString() => ToString(null, null);
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var day = new DateTime(2024, 8, 14);
			var readings = new List<Reading> {
				new Reading { Station = "Harbour", Time = day.AddHours(6.5), TempC = 14.25, WindKmh = 22.4, RainMm = 0, Humidity = 81 },
				new Reading { Station = "Hilltop", Time = day.AddHours(6.75), TempC = 9.8, WindKmh = 41.0, RainMm = 2.6, Humidity = 93 },
				new Reading { Station = "Airport", Time = day.AddHours(7), TempC = 15.0, WindKmh = 11.9, RainMm = 0.4, Humidity = 77 },
				new Reading { Station = "Valley", Time = day.AddHours(7.25), TempC = -1.5, WindKmh = 3.2, RainMm = 12.75, Humidity = 99 },
			};
			Console.WriteLine($"Weather report for {day:dddd d MMMM yyyy}");
			Console.WriteLine($"{"Station",-10}|{"Time",6}|{"Temp",7}|{"Hum",5}|{"Rain",7}| Notes");
			Console.WriteLine($"{new string('-', 10)}+{new string('-', 6)}+{new string('-', 7)}+{new string('-', 5)}+{new string('-', 7)}+------");
			foreach (var r in readings) {
				string notes = r.TempC < 0 ? "frost" : r.WindKmh > 40 ? "gale" : r.RainMm > 0 ? "wet" : "fine";
				Console.WriteLine($"{r.Station,-10}|{r.Time,6:HH:mm}|{r.TempC,7:+0.0;-0.0;0.0}|{r.Humidity / 100.0,5:P0}|{r.RainMm,7:0.00}| {notes}");
			}
			double mean = readings.Average(r => r.TempC);
			Console.WriteLine($"mean {mean:F2} C = {mean * 9 / 5 + 32:F1} F; spread {readings.Max(r => r.TempC) - readings.Min(r => r.TempC):0.##} degrees");
			Console.WriteLine($"wettest: {readings.OrderByDescending(r => r.RainMm).First():short} with {readings.Max(r => r.RainMm)} mm");
			foreach (var r in readings)
				Console.WriteLine($"  {r}: wind {r:wind}");
			int stations = readings.Count;
			Console.WriteLine($"{{{stations} stations}} {(stations > 3 ? "complete" : "partial")} network");
			string path = $@"reports\{day:yyyy}\{day:MM}.txt";
			Console.WriteLine($"archive path: {path}");
			FormattableString fs = $"{1234.5:N1} at {day:yyyy-MM-dd}";
			Console.WriteLine($"format '{fs.Format}' with {fs.ArgumentCount} arguments -> {fs.ToString(CultureInfo.InvariantCulture)}");
			Console.WriteLine(FormattableString.Invariant($"invariant: {Math.PI:F4} {-0.5:P1}"));
			var hex = 48879;
			Console.WriteLine($"hex {hex:X4} {hex:x} dec {hex:D8} exp {hex:E2} general {hex / 7.0:G5}");
			object missing = null;
			Console.WriteLine($"missing value: [{missing}] [{missing ?? "n/a",5}]");
			return 0;
		}
	}
}
