// size: 1500
// Floating-point loop: the benchmarks game's spectral norm (single-threaded;
// divisions and multiply-adds over double arrays); prints the norm.
using System;

static class SpectralNorm {
	static double A(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

	static void MulAv(double[] v, double[] av, int n)
	{
		for (int i = 0; i < n; i++) {
			double s = 0;
			for (int j = 0; j < n; j++)
				s += A(i, j) * v[j];
			av[i] = s;
		}
	}

	static void MulAtv(double[] v, double[] atv, int n)
	{
		for (int i = 0; i < n; i++) {
			double s = 0;
			for (int j = 0; j < n; j++)
				s += A(j, i) * v[j];
			atv[i] = s;
		}
	}

	static void MulAtAv(double[] v, double[] atav, double[] tmp, int n)
	{
		MulAv(v, tmp, n);
		MulAtv(tmp, atav, n);
	}

	static int Main(string[] args)
	{
		int n = Bench.Size(args, 100);
		double[] u = new double[n], v = new double[n], tmp = new double[n];
		for (int i = 0; i < n; i++)
			u[i] = 1;
		for (int i = 0; i < 10; i++) {
			MulAtAv(u, v, tmp, n);
			MulAtAv(v, u, tmp, n);
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
