// Fuzzing seed: generic types and methods, nested types, properties,
// events, interfaces, structs, arrays of every shape, pointers, varargs.
using System;
using System.Collections.Generic;

namespace Seed
{
	public interface IShape<T> where T : struct { T Area { get; } }

	public struct Point { public int X, Y; }

	public class Box<T, U> : IShape<double> where U : class, new()
	{
		public T[] Items = new T[4];
		public U[,] Grid = new U[2, 3];
		public List<KeyValuePair<T, U>> Pairs = new List<KeyValuePair<T, U>>();
		public event EventHandler Changed;
		public double Area { get { return Items.Length; } }
		public T this[int i] { get { return Items[i]; } set { Items[i] = value; } }

		public class Inner
		{
			public class Deeper { public Box<int, object> Up; }
		}

		public V Map<V>(Func<T, V> f, T x) where V : IComparable<V>
		{
			Changed(this, EventArgs.Empty);
			return f(x);
		}
	}

	public static class Util
	{
		public const long Big = 1L << 40;
		public static readonly int[] Table = { 1, 2, 3, 5, 8, 13, 21, 34 };

		public static unsafe int Sum(int* p, int n)
		{
			int s = 0;
			for (int i = 0; i < n; i++)
				s += p[i];
			return s;
		}

		public static int Count(__arglist)
		{
			return new ArgIterator(__arglist).GetRemainingCount();
		}

		public static T Pick<T>(bool b, T x, T y) { return b ? x : y; }

		public static IEnumerable<int> Evens(int n)
		{
			for (int i = 0; i < n; i += 2)
				yield return i;
		}

		public static string Describe(object o)
		{
			try {
				using (var e = Evens(3).GetEnumerator())
					return o.ToString() + Pick(true, 1.5f, 2.5f) + Count(__arglist(1, "a"));
			} catch (InvalidCastException e) when (e.Message != null) {
				return "cast";
			} catch (Exception) {
				throw;
			} finally {
				Console.WriteLine(Big);
			}
		}
	}
}
