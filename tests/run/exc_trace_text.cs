// Exceptions' stack traces in Mono's words for the program's own methods:
// "  at NS.T.M (params) [0x0000c] in <mvid>:0 " with the IL offset Mono's
// sequence points give (the last place with an empty evaluation stack, or
// after a call; not after a delegate made from ldftn). The MVID changes at
// each compile, so it is masked. Class-library frames are counted, not
// compared: Mono leaves out the [StackTraceHidden] ones (ThrowHelper).
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Traces {
	class G<T> {
		[MethodImpl(MethodImplOptions.NoInlining)]
		public void M<U>(T t, U u, int[] a, ref int r, List<T> l)
		{
			r++;
			throw new InvalidOperationException("generic");
		}

		public class Inner {
			[MethodImpl(MethodImplOptions.NoInlining)]
			public static void S(int k)
			{
				int r = k;
				new G<T>().M<string>(default(T), "a", null, ref r, null);
			}
		}
	}

	struct SV {
		public int X;
		[MethodImpl(MethodImplOptions.NoInlining)]
		public void F(object o)
		{
			int[] a = new int[1];
			X += 3;
			a[X] = ((string)o).Length;
		}
	}

	class P {
		static int k;

		[MethodImpl(MethodImplOptions.NoInlining)]
		static long Sub(long x)
		{
			checked {
				long y = x - 1L;
				return y * 2;
			}
		}

		[MethodImpl(MethodImplOptions.NoInlining)]
		static void AfterCall()
		{
			k++;
			Console.Write("");
			Sub(long.MinValue + k);
		}

		[MethodImpl(MethodImplOptions.NoInlining)]
		static void Wrap()
		{
			try {
				k++;
				throw new Exception("inner");
			} catch (Exception e) {
				throw new ApplicationException("outer", e);
			}
		}

		[MethodImpl(MethodImplOptions.NoInlining)]
		static void InFinally()
		{
			try {
				k++;
			} finally {
				k++;
				Console.Write("");
				throw new Exception("finally");
			}
		}

		[MethodImpl(MethodImplOptions.NoInlining)]
		static void Rethrow()
		{
			try {
				Sub(long.MinValue);
			} catch (OverflowException) {
				k++;
				throw;
			}
		}

		[MethodImpl(MethodImplOptions.NoInlining)]
		static int Lookup(string key)
		{
			var d = new Dictionary<string, int>();
			k++;
			return d[key];
		}

		[MethodImpl(MethodImplOptions.NoInlining)]
		static void SortThrows()
		{
			var l = new List<int> { 2, 1 };
			k++;
			l.Sort((a, b) => { throw new Exception("cmp"); });
		}

		static string Masked(Exception e)
		{
			string s = e.ToString();
			var b = new System.Text.StringBuilder();
			int i = 0;
			for (;;) {
				int at = s.IndexOf(" in <", i);
				int end = at < 0 ? -1 : s.IndexOf(">:", at);
				if (end < 0)
					break;
				b.Append(s, i, at - i).Append(" in <mvid>");
				i = end + 1;
			}
			b.Append(s, i, s.Length - i);
			var r = new System.Text.StringBuilder();
			foreach (string line in b.ToString().Split('\n'))
				r.Append(r.Length > 0 ? "\n" : "").Append(
					line.StartsWith("  at ") && !line.StartsWith("  at Traces.") ?
					"  at (a class-library frame)" : line);
			return r.ToString();
		}

		static void Run(string what, Action a)
		{
			try {
				a();
			} catch (Exception e) {
				Console.WriteLine(what + ": " + Masked(e));
			}
		}

		static void Main()
		{
			Run("generic", () => G<int>.Inner.S(1));
			Run("struct", () => new SV().F("s"));
			Run("cast", () => new SV().F(1));
			Run("checked", () => Sub(long.MinValue));
			Run("after a call", AfterCall);
			Run("wrapped", Wrap);
			Run("finally", InFinally);
			Run("rethrow", Rethrow);
			Func<int, int> div = x => 10 / x;
			Run("lambda", () => div(0));
			Run("hidden", () => Lookup("a"));
			Run("list", () => Console.Write(new List<int>()[k]));
			Run("delegate", SortThrows);
		}
	}
}
