/* Heap pacing by the cost of collections (gc.c pace_for). A ring of
 * 2 MB of live lists beside 40 MB of garbage, with work between the
 * allocations (as a server has): collections take a small share of the
 * time, the heap is lean (collected once 30% of it was allocated, small
 * steps) and stays under 4 MB where Boehm's pacing takes it to about
 * 5 MB. Then 10 MB live and garbage allocated without pause: collections
 * take most of the time, and the heap grows by halves (divisor 2) to
 * well above the 15 MB the lean pacing would give it. A
 * program of its own: the pacing depends on the process's whole heap. */
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

/* n nodes of garbage, with work between them when work is set. */
static NOINLINE void make_garbage(int n, int work)
{
	static volatile int64_t sink;
	for (int i = 0; i < n; i++) {
		Node *x = (Node *)rt_gc_alloc(&t_node);
		for (int k = 0; k < work; k++)
			sink += k * x->value;
	}
}

int main(int argc, char **argv)
{
	rt_proc_start(argc, argv);
	CHECK(GC_get_free_space_divisor() == 16);
	CHECK(GC_get_min_bytes_allocd() >= 512 << 10);
	enum { RING = 64, NODES = 1024 };       /* 2 MB of 32-byte nodes */
	RtArray *ring = rt_gc_alloc_array(&t_string_array, RING);
	for (int i = 0; i < 40; i++) {
		RT_ARRAY_DATA(ring, Object *)[i % RING] = make_list(NODES);
		make_garbage(30000, 300);
	}
	size_t heap = GC_get_heap_size();
	CHECK(heap < (size_t)4 << 20);
	CHECK(GC_get_free_space_divisor() == 16);
	if (heap >= (size_t)4 << 20)
		fprintf(stderr, "lean heap %zu KB\n", heap >> 10);
	enum { BIG = 8 };               /* 8 x 1 MB more */
	RtArray *big = rt_gc_alloc_array(&t_string_array, BIG);
	for (int i = 0; i < BIG; i++)
		RT_ARRAY_DATA(big, Object *)[i] = make_list(NODES * 32);
	for (int i = 0; i < 40; i++)
		make_garbage(30000, 0);
	size_t roomy = GC_get_heap_size();  /* lean pacing: about 15 MB */
	CHECK(roomy > (size_t)18 << 20);
	if (roomy <= (size_t)18 << 20)
		fprintf(stderr, "roomy heap %zu KB\n", roomy >> 10);
	CHECK(RT_ARRAY_DATA(big, Object *)[BIG - 1] != NULL);
	CHECK(!rt_pending);
	return t_done();
}
