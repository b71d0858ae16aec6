// size: 1500
// Array loops written the plain way: spectral norm accumulating into
// Av[i] through the array, loops to n (not to the array's length), and a
// helper whose only division is by the constant 2.
using System;

static class SpectralNormPlain {
	static double A(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

	static void MultiplyAv(int n, double[] v, double[] Av)
	{
		for (int i = 0; i < n; i++) {
			Av[i] = 0;
			for (int j = 0; j < n; j++)
				Av[i] += A(i, j) * v[j];
		}
	}

	static void MultiplyAtv(int n, double[] v, double[] Atv)
	{
		for (int i = 0; i < n; i++) {
			Atv[i] = 0;
			for (int j = 0; j < n; j++)
				Atv[i] += A(j, i) * v[j];
		}
	}

	static void MultiplyAtAv(int n, double[] v, double[] AtAv)
	{
		double[] u = new double[n];
		MultiplyAv(n, v, u);
		MultiplyAtv(n, u, AtAv);
	}

	static int Main(string[] args)
	{
		int n = Bench.Size(args, 100);
		double[] u = new double[n], v = new double[n];
		for (int i = 0; i < n; i++)
			u[i] = 1;
		for (int i = 0; i < 10; i++) {
			MultiplyAtAv(n, u, v);
			MultiplyAtAv(n, v, u);
		}
		double vBv = 0, vv = 0;
		for (int i = 0; i < n; i++) {
			vBv += u[i] * v[i];
			vv += v[i] * v[i];
		}
		Bench.Print(Math.Sqrt(vBv / vv));
		return 0;
	}
}
