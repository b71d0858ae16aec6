/* size: see exceptions.cs. Exceptions as C writes them: setjmp at the try,
 * a chain of handlers for the finally blocks, longjmp to throw a malloc'd
 * exception object (freed by the catch). */
#include <setjmp.h>
#include "lib/bench.h"

typedef struct { int value; } BenchException;
typedef struct Handler { jmp_buf env; struct Handler *prev; } Handler;

static Handler *top;
static BenchException *thrown;
static int finallies;

static _Noreturn void throw(BenchException *e)
{
	thrown = e;
	longjmp(top->env, 1);
}

static int leaf(int i)
{
	if ((i & 3) != 0) {
		BenchException *e = malloc(sizeof *e);
		e->value = i;
		throw(e);
	}
	return i;
}

static int middle(int i, int depth)
{
	if (depth == 0)
		return leaf(i);
	Handler h;
	h.prev = top;
	top = &h;
	if (setjmp(h.env)) {
		top = h.prev;
		finallies++;
		throw(thrown);
	}
	int r = middle(i, depth - 1) + 1;
	top = h.prev;
	finallies++;
	return r;
}

int main(int argc, char **argv)
{
	int n = bench_size(argc, argv, 10000);
	int64_t sum = 0;
	for (int i = 0; i < n; i++) {
		Handler h;
		h.prev = top;
		top = &h;
		if (setjmp(h.env)) {
			top = h.prev;
			sum += thrown->value * 3;
			free(thrown);
			continue;
		}
		sum += middle(i, 2);
		top = h.prev;
	}
	bench_print_i(sum + finallies);
	return 0;
}
