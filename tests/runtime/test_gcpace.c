/* A server's heap pacing (rt_gc_lean, gc.c): from the call on, a
 * collection comes once 30% of the heap was allocated, and the heap grows
 * by small steps. A ring of 2 MB of live lists beside 100 MB of garbage:
 * Boehm's own pacing takes the heap to about 5 MB, the lean one keeps it
 * under 4 MB. A program of its own: the pacing stays for the process. */
#include <gc/gc_mark.h>

#include "test.h"

typedef struct Node {
	Object hdr;
	Object *next;
	int64_t value;
} Node;

RtType t_node = {
	.ns = "Test", .name = "Node", .size = sizeof(Node), .depth = 1,
	.display = DISPLAY(&t_object, &t_node), .base = &t_object,
};

static NOINLINE Object *make_list(int n)
{
	Object *head = NULL;
	for (int i = 0; i < n; i++) {
		Node *x = (Node *)rt_gc_alloc(&t_node);
		x->next = head;
		x->value = i;
		head = &x->hdr;
	}
	return head;
}

static NOINLINE void make_garbage(int n)
{
	for (int i = 0; i < n; i++)
		rt_gc_alloc(&t_node);
}

int main(int argc, char **argv)
{
	rt_proc_start(argc, argv);
	rt_gc_lean();
	rt_gc_lean();                   /* once is enough; again is nothing */
	CHECK(GC_get_free_space_divisor() == 16);
	CHECK(GC_get_min_bytes_allocd() >= 512 << 10);
	enum { RING = 64, NODES = 1024 };       /* 2 MB of 32-byte nodes */
	RtArray *ring = rt_gc_alloc_array(&t_string_array, RING);
	for (int i = 0; i < 100; i++) {
		RT_ARRAY_DATA(ring, Object *)[i % RING] = make_list(NODES);
		make_garbage(30000);
	}
	size_t heap = GC_get_heap_size();
	CHECK(heap < (size_t)4 << 20);
	if (heap >= (size_t)4 << 20)
		fprintf(stderr, "heap %zu KB\n", heap >> 10);
	CHECK(!rt_pending);
	return t_done();
}
