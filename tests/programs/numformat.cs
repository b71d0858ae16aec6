// A table of numeric format strings applied to a handful of values, as a
// reference card printer would produce it.
using System;
using System.Globalization;

namespace numformat
{
	class Program
	{
		public static void Main(string[] args)
		{
			double[] values = { 0, 1, -1.5, 1234.5678, 0.000123, 1e15, 2.0 / 3 };
			string[] formats = { "F2", "N2", "E3", "G", "G4", "P1", "0.###", "#,##0.0", "00000.00" };
			Console.Write("{0,-14}", "value");
			foreach (string f in formats)
				Console.Write("|{0,20}", f);
			Console.WriteLine();
			foreach (double v in values) {
				Console.Write("{0,-14}", v.ToString("R", CultureInfo.InvariantCulture));
				foreach (string f in formats)
					Console.Write("|{0,20}", v.ToString(f, CultureInfo.InvariantCulture));
				Console.WriteLine();
			}
			Console.WriteLine();
			int[] ints = { 0, 7, 255, -42, 65535, int.MaxValue, int.MinValue };
			foreach (int i in ints)
				Console.WriteLine("{0,12} D6={0:D6} X={0:X} X8={0:x8} N0={0:N0} pad=[{0,-12}]", i);
			Console.WriteLine();
			long big = 9876543210123L;
			Console.WriteLine("long: {0:N0} {0:E2} {0:X}", big);
			ulong u = ulong.MaxValue;
			Console.WriteLine("ulong max: {0} {0:X}", u);
			decimal m = 1234567.891m;
			Console.WriteLine("decimal: {0} {0:F1} {0:N3} {0:E4} {0:0.00}", m);
			Console.WriteLine("rounding F0: {0:F0} {1:F0} {2:F0} {3:F0}", 0.5, 1.5, 2.5, -0.5);
			Console.WriteLine("money: {0,10:F2}|{1,-10:F2}|{2,10:N2}", 3.14159, 2.71828, -12345.678);
			Console.WriteLine("percent: {0:P} {1:P0} {2:P2}", 0.25, 0.999, -0.0123);
			Console.WriteLine("special: {0} {1} {2} {3}", double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0);
			Console.WriteLine("float: {0} {1} {2}", 1.1f, 1f / 3, 16777217f);
			Console.WriteLine("sections: {0:#,##0;(#,##0);zero} {1:#,##0;(#,##0);zero} {2:#,##0;(#,##0);zero}", 1234, -1234, 0);
			Console.WriteLine("escapes: {0:'#'0} {{literal}} {1:00\\%}", 5, 42);
			Console.WriteLine("hex bytes: {0:X2}{1:X2}{2:X2}", (byte)222, (byte)173, (byte)190);
			Console.WriteLine("max double: {0} min: {1} eps: {2}", double.MaxValue, double.MinValue, double.Epsilon);
		}
	}
}
