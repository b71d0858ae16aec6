// Byte-level conversions: BitConverter both ways, Convert to other bases
// and Base64, and a small checksum over a packed record.
using System;
using System.Linq;
using System.Text;

namespace bitconv
{
	class Program
	{
		static uint Adler32(byte[] data)
		{
			uint a = 1, b = 0;
			foreach (byte x in data) {
				a = (a + x) % 65521;
				b = (b + a) % 65521;
			}
			return (b << 16) | a;
		}

		public static void Main(string[] args)
		{
			Console.WriteLine("little endian: {0}", BitConverter.IsLittleEndian);
			Console.WriteLine("int 305419896: " + BitConverter.ToString(BitConverter.GetBytes(305419896)));
			Console.WriteLine("short -2:      " + BitConverter.ToString(BitConverter.GetBytes((short)-2)));
			Console.WriteLine("long 1<<40:    " + BitConverter.ToString(BitConverter.GetBytes(1L << 40)));
			Console.WriteLine("double 1.5:    " + BitConverter.ToString(BitConverter.GetBytes(1.5)));
			Console.WriteLine("float -0.25:   " + BitConverter.ToString(BitConverter.GetBytes(-0.25f)));
			Console.WriteLine("bool true:     " + BitConverter.ToString(BitConverter.GetBytes(true)));
			Console.WriteLine("bits of 0.1:   {0:X16}", BitConverter.DoubleToInt64Bits(0.1));
			Console.WriteLine("from bits:     {0}", BitConverter.Int64BitsToDouble(0x400921FB54442D18));

			byte[] record = new byte[16];
			BitConverter.GetBytes(42).CopyTo(record, 0);
			BitConverter.GetBytes(-7L).CopyTo(record, 4);
			BitConverter.GetBytes((ushort)65000).CopyTo(record, 12);
			record[14] = 0xAB;
			record[15] = 0xCD;
			Console.WriteLine("record: " + BitConverter.ToString(record).Replace("-", " "));
			Console.WriteLine("fields: {0} {1} {2} {3:X2}{4:X2}", BitConverter.ToInt32(record, 0), BitConverter.ToInt64(record, 4),
				BitConverter.ToUInt16(record, 12), record[14], record[15]);
			Console.WriteLine("adler32: {0:x8}", Adler32(record));

			foreach (int v in new[] { 0, 5, 255, 1000, -1 })
				Console.WriteLine("{0,5}: bin {1,32} oct {2,11} hex {3,8}", v, Convert.ToString(v, 2), Convert.ToString(v, 8), Convert.ToString(v, 16));
			Console.WriteLine("parse bases: {0} {1} {2} {3}", Convert.ToInt32("101101", 2), Convert.ToInt32("777", 8), Convert.ToInt32("ff", 16), Convert.ToInt64("7fffffffff", 16));

			byte[] text = Encoding.UTF8.GetBytes("Hello, Base64 wörld!");
			string b64 = Convert.ToBase64String(text);
			Console.WriteLine("base64: " + b64);
			byte[] back = Convert.FromBase64String(b64);
			Console.WriteLine("decoded matches: {0} ({1} bytes)", Encoding.UTF8.GetString(back) == "Hello, Base64 w\u00f6rld!", back.Length);
			Console.WriteLine("utf8 bytes: " + string.Join(" ", text.Skip(14).Select(b => b.ToString("x2"))));
			try {
				Convert.FromBase64String("abc$");
			} catch (FormatException) {
				Console.WriteLine("bad base64 rejected");
			}
			Console.WriteLine("Convert: {0} {1} {2} {3}", Convert.ToInt32(3.5), Convert.ToInt32(4.5), Convert.ToBoolean("True"), Convert.ToDouble("2.75"));
			Console.WriteLine("char codes: {0} {1}", Convert.ToInt32('A'), Convert.ToChar(97));
		}
	}
}
