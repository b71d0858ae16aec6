/* size: see nbody.cs. Built with plain gcc -O2, sqrt keeps its errno check
 * (a compare and a branch to the library after each sqrtsd); -fno-math-errno
 * drops it, and makes this about twice as fast here. */
#include <math.h>
#include "lib/bench.h"

typedef struct { double x, y, z, vx, vy, vz, mass; } Body;

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define NBODIES 5

static Body bodies[NBODIES] = {
	{ 0, 0, 0, 0, 0, 0, SOLAR_MASS },
	{ 4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
	  1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
	  -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS },
	{ 8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
	  -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
	  2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS },
	{ 1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
	  2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
	  -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS },
	{ 1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
	  2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
	  -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS },
};

static void offset(Body *b)
{
	double px = 0, py = 0, pz = 0;
	for (int i = 0; i < NBODIES; i++) {
		px += b[i].vx * b[i].mass;
		py += b[i].vy * b[i].mass;
		pz += b[i].vz * b[i].mass;
	}
	b[0].vx = -px / SOLAR_MASS;
	b[0].vy = -py / SOLAR_MASS;
	b[0].vz = -pz / SOLAR_MASS;
}

static double energy(Body *b)
{
	double e = 0;
	for (int i = 0; i < NBODIES; i++) {
		Body *bi = &b[i];
		e += 0.5 * bi->mass * (bi->vx * bi->vx + bi->vy * bi->vy + bi->vz * bi->vz);
		for (int j = i + 1; j < NBODIES; j++) {
			Body *bj = &b[j];
			double dx = bi->x - bj->x, dy = bi->y - bj->y, dz = bi->z - bj->z;
			e -= bi->mass * bj->mass / sqrt(dx * dx + dy * dy + dz * dz);
		}
	}
	return e;
}

static void advance(Body *b, double dt)
{
	for (int i = 0; i < NBODIES; i++) {
		Body *bi = &b[i];
		for (int j = i + 1; j < NBODIES; j++) {
			Body *bj = &b[j];
			double dx = bi->x - bj->x, dy = bi->y - bj->y, dz = bi->z - bj->z;
			double d2 = dx * dx + dy * dy + dz * dz;
			double mag = dt / (d2 * sqrt(d2));
			bi->vx -= dx * bj->mass * mag;
			bi->vy -= dy * bj->mass * mag;
			bi->vz -= dz * bj->mass * mag;
			bj->vx += dx * bi->mass * mag;
			bj->vy += dy * bi->mass * mag;
			bj->vz += dz * bi->mass * mag;
		}
	}
	for (int i = 0; i < NBODIES; i++) {
		Body *bi = &b[i];
		bi->x += dt * bi->vx;
		bi->y += dt * bi->vy;
		bi->z += dt * bi->vz;
	}
}

int main(int argc, char **argv)
{
	int n = bench_size(argc, argv, 1000);
	offset(bodies);
	bench_print_f(energy(bodies));
	for (int i = 0; i < n; i++)
		advance(bodies, 0.01);
	bench_print_f(energy(bodies));
	return 0;
}
