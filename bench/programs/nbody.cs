// size: 3000000
// Floating-point loop: the benchmarks game's n-body (five bodies, N steps,
// square roots); prints the energy before and after.
using System;

sealed class Body {
	public double x, y, z, vx, vy, vz, mass;

	public Body(double x, double y, double z, double vx, double vy, double vz, double mass)
	{
		this.x = x; this.y = y; this.z = z;
		this.vx = vx; this.vy = vy; this.vz = vz;
		this.mass = mass;
	}
}

static class NBody {
	const double Pi = 3.141592653589793;
	const double SolarMass = 4 * Pi * Pi;
	const double DaysPerYear = 365.24;

	static Body[] Bodies()
	{
		return new Body[] {
			new Body(0, 0, 0, 0, 0, 0, SolarMass),
			new Body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
				1.66007664274403694e-03 * DaysPerYear, 7.69901118419740425e-03 * DaysPerYear,
				-6.90460016972063023e-05 * DaysPerYear, 9.54791938424326609e-04 * SolarMass),
			new Body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
				-2.76742510726862411e-03 * DaysPerYear, 4.99852801234917238e-03 * DaysPerYear,
				2.30417297573763929e-05 * DaysPerYear, 2.85885980666130812e-04 * SolarMass),
			new Body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
				2.96460137564761618e-03 * DaysPerYear, 2.37847173959480950e-03 * DaysPerYear,
				-2.96589568540237556e-05 * DaysPerYear, 4.36624404335156298e-05 * SolarMass),
			new Body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
				2.68067772490389322e-03 * DaysPerYear, 1.62824170038242295e-03 * DaysPerYear,
				-9.51592254519715870e-05 * DaysPerYear, 5.15138902046611451e-05 * SolarMass),
		};
	}

	static void Offset(Body[] b)
	{
		double px = 0, py = 0, pz = 0;
		for (int i = 0; i < b.Length; i++) {
			px += b[i].vx * b[i].mass;
			py += b[i].vy * b[i].mass;
			pz += b[i].vz * b[i].mass;
		}
		b[0].vx = -px / SolarMass;
		b[0].vy = -py / SolarMass;
		b[0].vz = -pz / SolarMass;
	}

	static double Energy(Body[] b)
	{
		double e = 0;
		for (int i = 0; i < b.Length; i++) {
			Body bi = b[i];
			e += 0.5 * bi.mass * (bi.vx * bi.vx + bi.vy * bi.vy + bi.vz * bi.vz);
			for (int j = i + 1; j < b.Length; j++) {
				Body bj = b[j];
				double dx = bi.x - bj.x, dy = bi.y - bj.y, dz = bi.z - bj.z;
				e -= bi.mass * bj.mass / Math.Sqrt(dx * dx + dy * dy + dz * dz);
			}
		}
		return e;
	}

	static void Advance(Body[] b, double dt)
	{
		for (int i = 0; i < b.Length; i++) {
			Body bi = b[i];
			for (int j = i + 1; j < b.Length; j++) {
				Body bj = b[j];
				double dx = bi.x - bj.x, dy = bi.y - bj.y, dz = bi.z - bj.z;
				double d2 = dx * dx + dy * dy + dz * dz;
				double mag = dt / (d2 * Math.Sqrt(d2));
				bi.vx -= dx * bj.mass * mag;
				bi.vy -= dy * bj.mass * mag;
				bi.vz -= dz * bj.mass * mag;
				bj.vx += dx * bi.mass * mag;
				bj.vy += dy * bi.mass * mag;
				bj.vz += dz * bi.mass * mag;
			}
		}
		for (int i = 0; i < b.Length; i++) {
			Body bi = b[i];
			bi.x += dt * bi.vx;
			bi.y += dt * bi.vy;
			bi.z += dt * bi.vz;
		}
	}

	static int Main(string[] args)
	{
		int n = Bench.Size(args, 1000);
		Body[] b = Bodies();
		Offset(b);
		Bench.Print(Energy(b));
		for (int i = 0; i < n; i++)
			Advance(b, 0.01);
		Bench.Print(Energy(b));
		return 0;
	}
}
