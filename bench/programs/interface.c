/* size: see interface.cs. Interface calls as C writes them: the same as
 * virtual.c, a function pointer table per object (C has no interfaces). */
#include "lib/bench.h"

typedef struct Op Op;
typedef struct { int (*apply)(Op *, int); } OpVtable;
struct Op { const OpVtable *vt; int k; };

static int add_apply(Op *o, int x) { return (int)((unsigned)x + (unsigned)o->k); }
static int xor_apply(Op *o, int x) { return x ^ o->k; }
static int mul_apply(Op *o, int x) { return (int)((unsigned)x * (unsigned)o->k); }
static int rot_apply(Op *o, int x) { return (int)(((unsigned)x << o->k) | ((unsigned)x >> (32 - o->k))); }

static const OpVtable add_vt = { add_apply }, xor_vt = { xor_apply },
	mul_vt = { mul_apply }, rot_vt = { rot_apply };

static Op *op_new(const OpVtable *vt, int k)
{
	Op *o = malloc(sizeof *o);
	o->vt = vt;
	o->k = k;
	return o;
}

int main(int argc, char **argv)
{
	int n = bench_size(argc, argv, 10000);
	Op *ops[1024];
	unsigned seed = 12345;
	for (int i = 0; i < 1024; i++) {
		seed = seed * 1103515245u + 12345u;
		int k = (int)(seed >> 16) & 0xffff;
		switch (i >> 8) {
		case 0: ops[i] = op_new(&add_vt, k); break;
		case 1: ops[i] = op_new(&xor_vt, k); break;
		case 2: ops[i] = op_new(&mul_vt, k | 1); break;
		default: ops[i] = op_new(&rot_vt, (k & 30) + 1); break;
		}
	}
	int acc = 1;
	for (int r = 0; r < n; r++)
		for (int i = 0; i < 1024; i++)
			acc = ops[i]->vt->apply(ops[i], acc);
	bench_print_i(acc);
	return 0;
}
