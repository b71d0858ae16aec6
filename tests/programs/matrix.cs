// Small dense matrix arithmetic: product, transpose, determinant by
// Gaussian elimination, inverse and a check that A * inv(A) = I.
using System;

namespace matrix
{
	class Matrix
	{
		readonly double[,] a;
		public int Rows => a.GetLength(0);
		public int Cols => a.GetLength(1);

		public Matrix(int rows, int cols) { a = new double[rows, cols]; }
		public Matrix(double[,] values) { a = (double[,])values.Clone(); }

		public double this[int r, int c] { get => a[r, c]; set => a[r, c] = value; }

		public static Matrix Identity(int n)
		{
			var m = new Matrix(n, n);
			for (int i = 0; i < n; i++)
				m[i, i] = 1;
			return m;
		}

		public static Matrix operator *(Matrix x, Matrix y)
		{
			if (x.Cols != y.Rows)
				throw new ArgumentException("Shapes do not match");
			var m = new Matrix(x.Rows, y.Cols);
			for (int i = 0; i < x.Rows; i++)
				for (int j = 0; j < y.Cols; j++) {
					double s = 0;
					for (int k = 0; k < x.Cols; k++)
						s += x[i, k] * y[k, j];
					m[i, j] = s;
				}
			return m;
		}

		public Matrix Transpose()
		{
			var m = new Matrix(Cols, Rows);
			for (int i = 0; i < Rows; i++)
				for (int j = 0; j < Cols; j++)
					m[j, i] = a[i, j];
			return m;
		}

		// Gauss-Jordan with partial pivoting; returns the determinant and
		// the inverse (null when singular).
		public double Invert(out Matrix inverse)
		{
			int n = Rows;
			var w = new Matrix(a);
			inverse = Identity(n);
			double det = 1;
			for (int col = 0; col < n; col++) {
				int pivot = col;
				for (int r = col + 1; r < n; r++)
					if (Math.Abs(w[r, col]) > Math.Abs(w[pivot, col]))
						pivot = r;
				if (Math.Abs(w[pivot, col]) < 1e-12) {
					inverse = null;
					return 0;
				}
				if (pivot != col) {
					det = -det;
					for (int k = 0; k < n; k++) {
						double t = w[col, k]; w[col, k] = w[pivot, k]; w[pivot, k] = t;
						t = inverse[col, k]; inverse[col, k] = inverse[pivot, k]; inverse[pivot, k] = t;
					}
				}
				double p = w[col, col];
				det *= p;
				for (int k = 0; k < n; k++) {
					w[col, k] /= p;
					inverse[col, k] /= p;
				}
				for (int r = 0; r < n; r++) {
					if (r == col)
						continue;
					double f = w[r, col];
					for (int k = 0; k < n; k++) {
						w[r, k] -= f * w[col, k];
						inverse[r, k] -= f * inverse[col, k];
					}
				}
			}
			return det;
		}

		public void Print(string title)
		{
			Console.WriteLine(title + ":");
			for (int i = 0; i < Rows; i++) {
				for (int j = 0; j < Cols; j++) {
					double v = Math.Abs(a[i, j]) < 5e-10 ? 0.0 : a[i, j];
					Console.Write("{0,9:F3}", v);
				}
				Console.WriteLine();
			}
		}
	}

	class Program
	{
		public static void Main(string[] args)
		{
			var a = new Matrix(new double[,] { { 2, -1, 0 }, { -1, 2, -1 }, { 0, -1, 2 } });
			var b = new Matrix(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
			a.Print("A");
			b.Print("B");
			Matrix ab = a * b;
			ab.Print("A*B");
			b.Transpose().Print("B^T");
			Matrix btb = b.Transpose() * b;
			btb.Print("B^T*B");
			Matrix inv;
			double det = a.Invert(out inv);
			Console.WriteLine("det(A) = {0:G6}", det);
			inv.Print("inv(A)");
			Matrix check = a * inv;
			check.Print("A*inv(A)");
			var s = new Matrix(new double[,] { { 1, 2 }, { 2, 4 } });
			Console.WriteLine("singular: det = {0}, inverse is {1}", s.Invert(out inv), inv == null ? "missing" : "present");
			try {
				var bad = b * b;
			} catch (ArgumentException e) {
				Console.WriteLine("error: " + e.Message);
			}
		}
	}
}
