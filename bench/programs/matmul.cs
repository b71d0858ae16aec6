// size: 500
// Array access: N x N double matrix product on jagged arrays (b transposed
// first, so the inner loop walks two rows); prints the sum of the result.
static class MatMul {
	static double[][] Make(int n, double scale)
	{
		double[][] m = new double[n][];
		for (int i = 0; i < n; i++) {
			m[i] = new double[n];
			for (int j = 0; j < n; j++)
				m[i][j] = scale * (i - j) * (i + j);
		}
		return m;
	}

	static int Main(string[] args)
	{
		int n = Bench.Size(args, 200);
		double scale = 1.0 / n / n;
		double[][] a = Make(n, scale), b = Make(n, scale);
		double[][] bt = new double[n][];
		for (int i = 0; i < n; i++) {
			bt[i] = new double[n];
			for (int j = 0; j < n; j++)
				bt[i][j] = b[j][i];
		}
		double sum = 0;
		for (int i = 0; i < n; i++) {
			double[] ai = a[i];
			for (int j = 0; j < n; j++) {
				double[] bj = bt[j];
				double s = 0;
				for (int k = 0; k < n; k++)
					s += ai[k] * bj[k];
				sum += s;
			}
		}
		Bench.Print(sum);
		return 0;
	}
}
