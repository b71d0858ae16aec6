// Fuzzing seed: custom attributes with every kind of argument (enums of
// this assembly and of mscorlib, types, arrays, boxed values, named fields
// and properties), constants, P/Invoke, marshalling, explicit layout.
using System;
using System.Runtime.InteropServices;

namespace Seed
{
	public enum Color : byte { Red = 1, Green = 2, Blue = 4 }
	[Flags] public enum Wide : long { None = 0, High = 1L << 62 }

	[AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
	public class InfoAttribute : Attribute
	{
		public object Boxed;
		public Type Kind { get; set; }
		public InfoAttribute(Color c, Wide w, string s, int[] a, object o, Type t, char ch, double d) { }
		public InfoAttribute(params Color[] colors) { }
	}

	[Info(Color.Green, Wide.High, "text\u00e9\0", new[] { 1, -2 }, 3.5f, typeof(Point[]), 'x', double.NaN,
	      Boxed = Color.Blue, Kind = typeof(System.Collections.Generic.List<>))]
	[Info(Color.Red, Color.Blue), Serializable, Obsolete("old", false)]
	[StructLayout(LayoutKind.Explicit, Size = 16, Pack = 4)]
	public struct Point
	{
		[FieldOffset(0)] public int X;
		[FieldOffset(8)] [MarshalAs(UnmanagedType.I8)] public long Y;
	}

	public static class Native
	{
		public const string Name = "seed";
		public const double Pi = 3.14159;
		public const Color Default = Color.Green;

		[DllImport("libc", EntryPoint = "strlen", CharSet = CharSet.Ansi)]
		public static extern int StrLen([MarshalAs(UnmanagedType.LPStr)] string s);

		public static int Call([Optional, DefaultParameterValue(7)] int x, [Out] out int y)
		{
			y = x;
			switch (x) {
			case 1: case 2: case 3: return StrLen(Name);
			case 10: return 11;
			default: return (int)Default;
			}
		}
	}
}
