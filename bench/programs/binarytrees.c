/* size: see binarytrees.cs. The same trees with malloc and free (no pools):
 * each short-lived tree is freed once checked. */
#include "lib/bench.h"

typedef struct Node { struct Node *left, *right; } Node;

static Node *make(int depth)
{
	Node *t = malloc(sizeof *t);
	t->left = depth == 0 ? NULL : make(depth - 1);
	t->right = depth == 0 ? NULL : make(depth - 1);
	return t;
}

static int check(Node *t)
{
	return t->left == NULL ? 1 : 1 + check(t->left) + check(t->right);
}

static void release(Node *t)
{
	if (t->left) {
		release(t->left);
		release(t->right);
	}
	free(t);
}

static int64_t check_and_free(Node *t)
{
	int64_t c = check(t);
	release(t);
	return c;
}

int main(int argc, char **argv)
{
	int n = bench_size(argc, argv, 12);
	int max = n < 6 ? 6 : n;
	int64_t sum = check_and_free(make(max + 1));
	Node *long_lived = make(max);
	for (int d = 4; d <= max; d += 2) {
		int iterations = 1 << (max - d + 4);
		for (int i = 0; i < iterations; i++)
			sum += check_and_free(make(d));
	}
	sum += check_and_free(long_lived);
	bench_print_i(sum);
	return 0;
}
