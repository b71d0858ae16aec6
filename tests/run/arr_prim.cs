// One-dimensional arrays of every primitive element type: initializers
// (emitted as static data blobs), element loads and stores with sign and
// zero extension, Length/LongLength, foreach, defaults, and params arrays.
using System;

static class ArrPrim {
	static bool[] bools = { true, false, true };
	static sbyte[] sbytes = { -128, -1, 0, 127 };
	static byte[] bytes = { 0, 1, 128, 255, 7, 9, 11 };
	static short[] shorts = { -32768, -2, 300, 32767 };
	static ushort[] ushorts = { 0, 1, 40000, 65535 };
	static char[] chars = { 'a', 'Z', '0', '\u00e9', '\uffff' };
	static int[] ints = { int.MinValue, -1, 0, 1, 1000000, int.MaxValue };
	static uint[] uints = { 0, 3000000000, uint.MaxValue };
	static long[] longs = { long.MinValue, -5, 1L << 40, long.MaxValue };
	static ulong[] ulongs = { 0, 1UL << 63, ulong.MaxValue };
	static float[] floats = { 0.5f, -1.25f, 3.4e38f, 1e-45f };
	static double[] doubles = { 0.1, -2.5, 1e308, 5e-324 };

	static long Sum(params int[] xs)
	{
		long s = 0;
		foreach (int x in xs)
			s += x;
		return s;
	}

	static int Count(params object[] xs) { return xs == null ? -1 : xs.Length; }

	static void Line(string label, long[] vs)
	{
		Out.S(label);
		foreach (long v in vs) {
			Out.S(" ");
			Out.I(v);
		}
		Out.L();
	}

	static int Main()
	{
		int t = 0;
		foreach (bool b in bools)
			t = t * 2 + (b ? 1 : 0);
		Out.L("bools", t);
		Line("sbytes", new long[] { sbytes[0], sbytes[1], sbytes[2], sbytes[3] });
		Line("bytes", new long[] { bytes[2], bytes[3], bytes.Length });
		Line("shorts", new long[] { shorts[0], shorts[1], shorts[2], shorts[3] });
		Line("ushorts", new long[] { ushorts[1], ushorts[2], ushorts[3] });
		Line("chars", new long[] { chars[0], chars[1], chars[2], chars[3], chars[4] });
		Line("ints", new long[] { ints[0], ints[1], ints[4], ints[5] });
		Line("uints", new long[] { uints[1], uints[2] });
		Line("longs", new long[] { longs[0], longs[1], longs[2], longs[3] });
		Out.S("ulongs ");
		Out.U(ulongs[1]);
		Out.S(" ");
		Out.U(ulongs[2]);
		Out.L();
		foreach (float f in floats) {
			Out.S("float ");
			Out.X(f);
			Out.L();
		}
		foreach (double d in doubles) {
			Out.S("double ");
			Out.X(d);
			Out.L();
		}

		// Stores truncate to the element type.
		byte[] bb = new byte[4];
		int src = 0x1ff;
		bb[0] = (byte)src;
		bb[1] = (byte)(bb[0] + 1);
		sbyte[] sb = new sbyte[2];
		sb[0] = (sbyte)src;
		short[] ss = new short[1];
		ss[0] = (short)(src << 8);
		Line("truncated", new long[] { bb[0], bb[1], sb[0], ss[0] });

		// Defaults are zero.
		long[] zl = new long[5];
		double[] zd = new double[3];
		string[] zs = new string[2];
		Out.L("defaults", zl[4] == 0 && zd[2] == 0.0 && zs[1] == null);
		Out.L("empty length", new int[0].Length);
		Out.L("LongLength", new short[1234].LongLength);

		// Read-modify-write on elements.
		int[] hist = new int[4];
		for (int i = 0; i < 100; i++)
			hist[i * 7 % 4]++;
		Line("hist", new long[] { hist[0], hist[1], hist[2], hist[3] });
		char[] word = { 'h', 'e', 'l', 'l', 'o' };
		for (int i = 0; i < word.Length; i++)
			word[i] -= (char)32;
		Out.L("upper", new string(word));
		longs[1] *= 3;
		Out.L("longs[1]", longs[1]);

		Out.L("params none", Sum());
		Out.L("params list", Sum(1, 2, 3, 4));
		Out.L("params array", Sum(ints[3], ints[4]));
		Out.L("params object", Count(1, "two", 3.0));
		Out.L("params null", Count(null));
		return bytes[6] + sbytes.Length;
	}
}
