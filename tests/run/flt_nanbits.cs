// NaN constants keep their bits: C# compilers write double.NaN and
// float.NaN (0.0/0.0) as 0xfff8000000000000 and 0xffc00000, and a
// BinaryWriter, BitConverter or a hash sees the sign (ilcc wrote C's NAN,
// 0x7ff8..., until corpus v's binary round trip showed it).
using System;
using System.IO;

static class FltNanBits {
	const double MyNaN = 0.0 / 0.0;
	const float MyNaNf = 0f / 0f;

	static void Main()
	{
		Out.X(double.NaN); Out.L();
		Out.X(-double.NaN); Out.L();
		Out.X(MyNaN); Out.L();
		Out.L("float", BitConverter.ToString(BitConverter.GetBytes(float.NaN)));
		Out.L("-float", BitConverter.ToString(BitConverter.GetBytes(-MyNaNf)));
		Out.L("as double", BitConverter.DoubleToInt64Bits((double)float.NaN).ToString("X16"));
		var ms = new MemoryStream();
		var w = new BinaryWriter(ms);
		w.Write(double.NaN);
		w.Write(float.NaN);
		w.Flush();
		Out.L("written", BitConverter.ToString(ms.ToArray()));
		double[] a = { double.NaN, 1.0 };
		Out.L("in array", BitConverter.DoubleToInt64Bits(a[0]).ToString("X16"));
		Out.L("hash", double.NaN.GetHashCode() == MyNaN.GetHashCode());
	}
}
