// Type-level metadata: layouts, generics and constraints, properties,
// events, constants, defaults, P/Invoke and marshalling, explicit interface
// implementations, nested types, custom attributes of every argument kind.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Shapes {
	[Flags] public enum Access : byte { None = 0, Read = 1, Write = 2, All = Read | Write }
	public enum Big : long { Min = long.MinValue, Max = long.MaxValue }

	public interface IShape { double Area { get; } string Name(); }

	[StructLayout(LayoutKind.Sequential, Pack = 4, Size = 32)]
	public struct Point { public int X, Y; }

	[StructLayout(LayoutKind.Explicit)]
	public struct Union { [FieldOffset(0)] public int I; [FieldOffset(0)] public float F; [FieldOffset(4)] public long L; }

	public unsafe struct Fixed { public fixed byte Bytes[16]; }

	public class Circle : IShape, IComparable<Circle> {
		public const sbyte S = -8;
		public const char C = 'x';
		public const ulong U = ulong.MaxValue;
		public const float F = 1.5f;
		public const double D = -0.1;
		public const string Str = "tab\there \"quoted\" \u00e9";
		public const string Null = null;
		public static readonly int[] Table = { 1, 2, 3, 4, 5, 6, 7, 8 };
		public double R;
		public double Area { get { return Math.PI * R * R; } }
		public event EventHandler Changed;
		public int this[int i] { get { return i; } set { } }
		string IShape.Name() { return "circle"; }
		public int CompareTo(Circle other) { return R.CompareTo(other.R); }
		public void Defaults(int a = 7, string b = "s", Access c = Access.Read, object d = null) { }
		public void Refs(ref int a, out int b, params int[] rest) { b = a; }
		protected virtual void OnChanged() { if (Changed != null) Changed(this, EventArgs.Empty); }
		public class Nested { public class Deeper { } }
	}

	public sealed class Registry<TKey, TValue> : Dictionary<TKey, List<TValue>>
		where TKey : struct, IComparable<TKey>
		where TValue : class, new()
	{
		public TResult Fold<TResult, TState>(TState s, Func<TState, TValue, TResult> f) where TResult : TValue { return default(TResult); }
		public interface IVariant<in TIn, out TOut> { TOut Map(TIn x); }
	}

	public static class Native {
		[DllImport("libc", EntryPoint = "strlen", CharSet = CharSet.Ansi)]
		public static extern int StrLen([MarshalAs(UnmanagedType.LPStr)] string s);
		[DllImport("libm", CallingConvention = CallingConvention.Cdecl, SetLastError = true)]
		public static extern double cos(double x);
		public static int VarArgs(__arglist) { return new ArgIterator(__arglist).GetRemainingCount(); }
	}

	[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
	public class InfoAttribute : Attribute {
		public InfoAttribute(string s, Type t, Access a, object o, int[] list, char c, double d, bool b) { }
		public InfoAttribute() { }
		public string Note;
		public Access Mode { get; set; }
		public object Boxed { get; set; }
		public Type[] Types;
	}

	[Info("text", typeof(List<int>), Access.All, 42, new[] { 1, 2 }, 'q', 2.5, true)]
	[Info(null, null, (Access)9, "boxed", null, '\n', -0.0, false, Note = "n", Mode = Access.Write)]
	[Info(Boxed = Access.Read, Types = new[] { typeof(int), typeof(Circle.Nested.Deeper) })]
	[Info(Boxed = new object[] { 1, "two", 3.0 })]
	[Obsolete("old", true)]
	public class Annotated {
		[return: MarshalAs(UnmanagedType.Bool)]
		[Info(Note = "on a method")]
		public bool Method([In, Out] ref int x) { return true; }
	}
}
