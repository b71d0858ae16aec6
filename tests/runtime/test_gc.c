/* Allocation: zeroing, atomic or scanned blocks, boxes, arrays (vector and
 * multi-dimensional with lower bounds, bad lengths), strings, finalizers,
 * that scanned objects keep their referents alive, that a pointer into an
 * object from the stack keeps it alive, and the per-thread free lists
 * (objects on them survive collections and are handed out once, on
 * several threads and across thread exits). */
#include <pthread.h>

#include <gc/gc_mark.h>

#include "test.h"

/* A class with one reference field and a finalizer. */
typedef struct Node {
	Object hdr;
	Object *next;
	int64_t value;
} Node;

static int finalized;

static void node_finalize(Object *o)
{
	__atomic_add_fetch(&finalized, 1, __ATOMIC_RELAXED);
}

RtType t_node = {
	.ns = "Test", .name = "Node", .size = sizeof(Node), .depth = 1,
	.display = DISPLAY(&t_object, &t_node), .base = &t_object,
};
RtType t_fnode = {
	.ns = "Test", .name = "FNode", .size = sizeof(Node), .depth = 1,
	.display = DISPLAY(&t_object, &t_fnode), .base = &t_object,
	.finalize = node_finalize,
};
RtType t_int = {
	.ns = "System", .name = "Int32",
	.flags = RT_T_VALUETYPE | RT_T_PRIMITIVE | RT_T_POINTERFREE,
	.size = 4, .elem_kind = RT_E_I4, .base = &t_object,
};
/* Value types with and without references, for arrays of structs. */
RtType t_plain_struct = {
	.ns = "Test", .name = "Plain",
	.flags = RT_T_VALUETYPE | RT_T_POINTERFREE, .size = 12,
};
RtType t_ref_struct = {
	.ns = "Test", .name = "WithRef", .flags = RT_T_VALUETYPE, .size = 16,
};

static bool is_atomic(void *p)
{
	return GC_get_kind_and_size(p, NULL) == 0;
}

static bool all_zero(const void *p, size_t n)
{
	const unsigned char *c = p;
	for (size_t i = 0; i < n; i++)
		if (c[i])
			return false;
	return true;
}

/* Leaves dirty atomic blocks behind for later allocations to reuse. */
static NOINLINE void dirty_heap(void)
{
	for (int i = 0; i < 2000; i++) {
		void *p = GC_MALLOC_ATOMIC(64);
		memset(p, 0xAB, 64);
	}
}

static void test_objects(void)
{
	dirty_heap();
	rt_gc_collect();
	bool zero = true;
	for (int i = 0; i < 2000; i++) {
		Object *o = rt_gc_alloc(&t_object);
		zero &= o->type == &t_object && o->sync == 0;
		RtString *s = rt_gc_alloc_string(20);
		zero &= all_zero(s->chars, 42) && s->length == 20;
	}
	CHECK(zero);

	Object *o = rt_gc_alloc(&t_object);
	CHECK(is_atomic(o));
	Node *n = (Node *)rt_gc_alloc(&t_node);
	CHECK(!is_atomic(n) && n->next == NULL && n->value == 0);
	CHECK(n->hdr.type == &t_node);
	CHECK(rt_gc_obj_is_atomic(o) && !rt_gc_obj_is_atomic(n));
	static Object not_in_heap;
	CHECK(!rt_gc_obj_is_atomic(&not_in_heap));

	/* a box: header + the unboxed size */
	Object *box = rt_gc_alloc(&t_int);
	size_t size;
	CHECK(GC_get_kind_and_size(box, &size) == 0);
	CHECK(size >= sizeof(Object) + 4 && box->type == &t_int);

	void *raw = rt_gc_alloc_raw(100, true);
	CHECK(raw && all_zero(raw, 100) && is_atomic(raw));
	raw = rt_gc_alloc_raw(100, false);
	CHECK(raw && all_zero(raw, 100) && !is_atomic(raw));
	CHECK(rt_gc_total_memory() > 0);
	rt_gc_keep_alive(o);
}

static void test_strings(void)
{
	RtString *s = rt_gc_alloc_string(5);
	CHECK(s->hdr.type == &t_string && s->length == 5);
	CHECK(s->chars[5] == 0 && is_atomic(s));
	size_t size;
	GC_get_kind_and_size(s, &size);
	CHECK(size >= offsetof(RtString, chars) + 12);
	RtString *e = rt_gc_alloc_string(0);
	CHECK(e->length == 0 && e->chars[0] == 0);
	CHECK(rt_gc_alloc_string(-1) == NULL);
	CHECK(rt_pending && rt_pending->type == &t_exc_types[RT_EXC_OVERFLOW]);
	rt_exc_catch();
}

static void test_vectors(void)
{
	RtArray *a = rt_gc_alloc_array(&t_char_array, 10);
	CHECK(a->hdr.type == &t_char_array && a->length == 10 && !a->bounds);
	CHECK(is_atomic(a) && all_zero(a->data, 20));
	CHECK(offsetof(RtArray, data) == 32);
	RtArray *s = rt_gc_alloc_array(&t_string_array, 3);
	CHECK(!is_atomic(s) && s->length == 3 && all_zero(s->data, 24));
	RtArray *e = rt_gc_alloc_array(&t_string_array, 0);
	CHECK(e && e->length == 0);

	RtType plain = t_array_of(&t_plain_struct, RT_E_STRUCT, 12, 1, true);
	RtType refs = t_array_of(&t_ref_struct, RT_E_STRUCT, 16, 1, true);
	RtType ptrs = t_array_of(&t_int, RT_E_PTR, 8, 1, true);
	CHECK(is_atomic(rt_gc_alloc_array(&plain, 4)));
	CHECK(!is_atomic(rt_gc_alloc_array(&refs, 4)));
	CHECK(is_atomic(rt_gc_alloc_array(&ptrs, 4)));

	CHECK(rt_gc_alloc_array(&t_char_array, -1) == NULL);
	CHECK(rt_pending && rt_pending->type == &t_exc_types[RT_EXC_OVERFLOW]);
	rt_exc_catch();
	CHECK(rt_gc_alloc_array(&t_string_array, INTPTR_MAX / 4) == NULL);
	CHECK(rt_pending && rt_pending->type == &t_exc_types[RT_EXC_OOM]);
	rt_exc_catch();
	CHECK(rt_gc_alloc_array(&t_char_array, 0x7FFFFFC8) == NULL);
	CHECK(rt_pending && rt_pending->type == &t_exc_types[RT_EXC_OOM]);
	rt_exc_catch();
}

static void test_md_arrays(void)
{
	RtType t = t_array_of(&t_int, RT_E_I4, 4, 2, false);
	int32_t len[2] = {2, 3}, low[2] = {1, -1};
	RtArray *a = rt_gc_alloc_mdarray(&t, len, low);
	CHECK(a && a->length == 6 && a->bounds && is_atomic(a));
	CHECK(a->bounds[0].length == 2 && a->bounds[0].lower_bound == 1);
	CHECK(a->bounds[1].length == 3 && a->bounds[1].lower_bound == -1);
	CHECK((char *)a->bounds >= (char *)a->data + 6 * 4);
	CHECK(all_zero(a->data, 24));

	/* row-major, relative to the lower bounds */
	CHECK(rt_arr_md_index(a, (int32_t[]){1, -1}) == 0);
	CHECK(rt_arr_md_index(a, (int32_t[]){1, 1}) == 2);
	CHECK(rt_arr_md_index(a, (int32_t[]){2, 0}) == 4);
	CHECK(rt_arr_md_index(a, (int32_t[]){2, 1}) == 5);
	CHECK(!rt_pending);
	static const int32_t bad[][2] = {{0, 0}, {3, 0}, {1, -2}, {1, 2},
					 {INT32_MIN, 0}, {1, INT32_MAX}};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		CHECK(rt_arr_md_index(a, bad[i]) == -1);
		CHECK(rt_pending &&
		      rt_pending->type == &t_exc_types[RT_EXC_INDEX]);
		rt_exc_catch();
	}

	RtArray *z = rt_gc_alloc_mdarray(&t, len, NULL);
	CHECK(z->bounds[0].lower_bound == 0 && z->bounds[1].lower_bound == 0);
	RtType st = t_array_of(&t_string, RT_E_REF, 8, 3, false);
	RtArray *s = rt_gc_alloc_mdarray(&st, (int32_t[]){2, 0, 4}, NULL);
	CHECK(s && s->length == 0 && !is_atomic(s) && s->bounds[2].length == 4);

	CHECK(!rt_gc_alloc_mdarray(&t, (int32_t[]){2, -1}, NULL));
	CHECK(rt_pending && rt_pending->type == &t_exc_types[RT_EXC_OVERFLOW]);
	rt_exc_catch();
	CHECK(!rt_gc_alloc_mdarray(&st, (int32_t[]){1 << 16, 1 << 16, 2}, NULL));
	CHECK(rt_pending && rt_pending->type == &t_exc_types[RT_EXC_OOM]);
	rt_exc_catch();
}

/* ---- liveness and finalizers ---- */

/* A list of n nodes reachable only from the returned head. */
static NOINLINE Node *make_list(int n)
{
	Node *head = NULL;
	for (int i = 0; i < n; i++) {
		Node *x = (Node *)rt_gc_alloc(&t_node);
		x->value = i;
		x->next = (Object *)head;
		head = x;
	}
	return head;
}

static NOINLINE void churn(void)
{
	for (int i = 0; i < 20000; i++)
		rt_gc_alloc_array(&t_char_array, 50);
	rt_gc_collect();
}

static void test_liveness(void)
{
	Node *head = make_list(1000);
	RtArray *holder = rt_gc_alloc_array(&t_string_array, 1);
	RT_ARRAY_DATA(holder, RtString *)[0] = rt_str_from_utf8("kept");
	churn();
	churn();
	int64_t expect = 999;
	bool ok = true;
	for (Node *x = head; x; x = (Node *)x->next)
		ok &= x->hdr.type == &t_node && x->value == expect--;
	CHECK(ok && expect == -1);
	CHECK(!strcmp(rt_str_to_utf8(RT_ARRAY_DATA(holder, RtString *)[0]),
		      "kept"));
}

static NOINLINE void make_garbage(RtType *t, int n, bool suppress)
{
	for (int i = 0; i < n; i++) {
		Object *o = rt_gc_alloc(t);
		if (suppress)
			rt_gc_suppress_finalizer(o);
	}
}

static NOINLINE void clear_stack(void)
{
	volatile char buf[16384];
	memset((char *)buf, 0, sizeof buf);
}

static void test_finalizers(void)
{
	rt_gc_wait_for_finalizers();    /* no thread yet: returns at once */
	make_garbage(&t_fnode, 100, true);
	clear_stack();
	for (int i = 0; i < 3; i++) {
		rt_gc_collect();
		rt_gc_wait_for_finalizers();
	}
	CHECK(finalized == 0);

	make_garbage(&t_fnode, 100, false);
	clear_stack();
	for (int i = 0; i < 5 && finalized < 100; i++) {
		rt_gc_collect();
		rt_gc_wait_for_finalizers();
	}
	/* conservative scanning may keep a few alive through stale words */
	CHECK(finalized >= 90 && finalized <= 100);

	Object *kept = rt_gc_alloc(&t_fnode);
	int before = finalized;
	rt_gc_collect();
	rt_gc_wait_for_finalizers();
	CHECK(finalized == before && kept->type == &t_fnode);
	rt_gc_keep_alive(kept);
}

/* ---- interior pointers and free lists ---- */

static NOINLINE char *make_hidden_node(int64_t value)
{
	Node *n = (Node *)rt_gc_alloc(&t_node);
	n->value = value;
	return (char *)&n->value;       /* the only reference: into the middle */
}

static void test_interior_from_stack(void)
{
	char *volatile inside = make_hidden_node(4242);
	clear_stack();
	churn();
	make_list(5000);
	rt_gc_collect();
	Node *n = (Node *)(inside - offsetof(Node, value));
	CHECK(n->hdr.type == &t_node && n->value == 4242);
}

/* n nodes from the inline path, each holding its index; the ones before
 * and after a collection must stay distinct and keep their values. */
static NOINLINE Node *make_small_list(int n, int64_t base)
{
	Node *head = NULL;
	for (int i = 0; i < n; i++) {
		Node *x = (Node *)rt_gc_new(&t_node, sizeof(Node));
		if (!x || x->hdr.type != &t_node || x->next || x->value)
			return NULL;
		x->value = base + i;
		x->next = (Object *)head;
		head = x;
		if (i % 1000 == 0)
			rt_gc_collect();        /* lists are half used now */
	}
	return head;
}

static bool small_list_ok(Node *head, int n, int64_t base)
{
	int64_t expect = base + n - 1;
	for (Node *x = head; x; x = (Node *)x->next)
		if (x->hdr.type != &t_node || x->value != expect--)
			return false;
	return expect == base - 1;
}

static void test_free_lists(void)
{
	CHECK(rt_gc_free_lists != NULL);
	Node *a = make_small_list(5000, 0);
	churn();
	Node *b = make_small_list(5000, 100000);
	CHECK(a && b && small_list_ok(a, 5000, 0) && small_list_ok(b, 5000, 100000));
	/* too big for the lists: from the runtime */
	static RtType t_big = { .ns = "Test", .name = "Big", .size = 400 };
	Object *big = rt_gc_new(&t_big, t_big.size);
	CHECK(big && big->type == &t_big && GC_size(big) >= 400);
	CHECK(!is_atomic(big) && all_zero((char *)big + 8, 392));
	/* boxes and arrays of references use the lists through the runtime */
	RtArray *s = rt_gc_alloc_array(&t_string_array, 4);
	CHECK(s && !is_atomic(s) && s->length == 4 && all_zero(s->data, 32));
	void *raw = rt_gc_alloc_raw(24, false);
	CHECK(raw && all_zero(raw, 24) && !is_atomic(raw));
}

static int threads_ok;

static void *list_thread(void *arg)
{
	rt_thread_attach(false);
	int64_t base = (intptr_t)arg * 1000000;
	Node *mine = make_small_list(20000, base);
	churn();
	if (mine && small_list_ok(mine, 20000, base))
		__atomic_add_fetch(&threads_ok, 1, __ATOMIC_RELAXED);
	make_small_list(7, 0);          /* exit with lists partly used */
	return NULL;
}

static void test_free_lists_threads(void)
{
	Node *mine = make_small_list(3000, 7000000);
	for (int round = 0; round < 2; round++) {
		pthread_t th[4];
		for (intptr_t i = 0; i < 4; i++)
			pthread_create(&th[i], NULL, list_thread, (void *)(i + 1));
		for (int i = 0; i < 4; i++)
			pthread_join(th[i], NULL);
		rt_gc_collect();
	}
	CHECK(threads_ok == 8);
	CHECK(small_list_ok(mine, 3000, 7000000));
}

int main(int argc, char **argv)
{
	rt_proc_start(argc, argv);
	test_objects();
	test_strings();
	test_vectors();
	test_md_arrays();
	test_liveness();
	test_finalizers();
	test_interior_from_stack();
	test_free_lists();
	test_free_lists_threads();
	CHECK(!rt_pending);
	return t_done();
}
