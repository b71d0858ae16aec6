// size: 1500
// Floating-point loop: the benchmarks game's Mandelbrot set on an N x N
// grid, 50 iterations, escape at 4; prints how many points stay bounded.
static class Mandelbrot {
	static int Main(string[] args)
	{
		int n = Bench.Size(args, 200);
		long inside = 0;
		for (int y = 0; y < n; y++) {
			double ci = 2.0 * y / n - 1.0;
			for (int x = 0; x < n; x++) {
				double cr = 2.0 * x / n - 1.5;
				double zr = 0, zi = 0, tr = 0, ti = 0;
				int i = 0;
				for (; i < 50 && tr + ti <= 4.0; i++) {
					zi = 2.0 * zr * zi + ci;
					zr = tr - ti + cr;
					tr = zr * zr;
					ti = zi * zi;
				}
				if (tr + ti <= 4.0)
					inside++;
			}
		}
		Bench.Print(inside);
		return 0;
	}
}
