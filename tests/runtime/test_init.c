/* Static constructors: run once, recursion and cycles return at once,
 * failure cached as TypeInitializationException and rethrown, other threads
 * wait for a running cctor, and a cycle across two threads does not
 * deadlock. */
#include <pthread.h>
#include <unistd.h>

#include "test.h"

#define TYPE(nm) { .ns = "Ns", .name = nm, .size = sizeof(Object) }

/* ---- once ---- */

static int once_runs;
static void once_cctor(void) { once_runs++; }
RtType t_once = TYPE("Once");
RtClassInit ci_once = { .cctor = once_cctor, .type = &t_once };

static void test_once(void)
{
	CHECK(rt_init_check(&ci_once) && rt_init_check(&ci_once));
	rt_init_run(&ci_once);
	CHECK(once_runs == 1 && ci_once.state == RT_INIT_DONE);
	CHECK(ci_once.owner == 0 && ci_once.error == NULL);
	RtClassInit none = { .cctor = NULL };
	CHECK(rt_init_check(&none) && none.state == RT_INIT_DONE);
}

/* ---- recursion and cycles on one thread ---- */

static int rec_runs, rec_inner_state;
extern RtClassInit ci_rec;
static void rec_cctor(void)
{
	rec_runs++;
	CHECK(rt_init_check(&ci_rec));      /* returns, does not wait */
	rec_inner_state = ci_rec.state;
}
RtType t_rec = TYPE("Rec");
RtClassInit ci_rec = { .cctor = rec_cctor, .type = &t_rec };

static int cyc_order;
static int cyc_a_saw_b, cyc_b_saw_a;
extern RtClassInit ci_cyc_a, ci_cyc_b;
static void cyc_a_cctor(void)
{
	rt_init_check(&ci_cyc_b);
	cyc_a_saw_b = ++cyc_order;
}
static void cyc_b_cctor(void)
{
	rt_init_check(&ci_cyc_a);           /* A is running: half done */
	cyc_b_saw_a = ++cyc_order;
}
RtType t_cyc_a = TYPE("CycA"), t_cyc_b = TYPE("CycB");
RtClassInit ci_cyc_a = { .cctor = cyc_a_cctor, .type = &t_cyc_a };
RtClassInit ci_cyc_b = { .cctor = cyc_b_cctor, .type = &t_cyc_b };

static void test_recursion(void)
{
	CHECK(rt_init_check(&ci_rec));
	CHECK(rec_runs == 1 && rec_inner_state == RT_INIT_RUNNING);
	CHECK(ci_rec.state == RT_INIT_DONE);
	CHECK(rt_init_check(&ci_cyc_a));
	CHECK(cyc_b_saw_a == 1 && cyc_a_saw_b == 2);
	CHECK(ci_cyc_a.state == RT_INIT_DONE && ci_cyc_b.state == RT_INIT_DONE);
}

/* ---- failure ---- */

static int bad_runs;
static void bad_cctor(void)
{
	bad_runs++;
	rt_exc_throw_kind(RT_EXC_INDEX);
	static const RtFrameName bad = { .type = "Ns.Bad", .method = ".cctor" };
	rt_exc_trace(&bad);
}
RtType t_bad = TYPE("Bad");
RtClassInit ci_bad = { .cctor = bad_cctor, .type = &t_bad };

static void test_failure(void)
{
	CHECK(!rt_init_check(&ci_bad));
	Object *e = rt_exc_catch();
	CHECK(e && e->type == &t_tie && ci_bad.state == RT_INIT_FAILED);
	CHECK(ci_bad.error == e && ci_bad.owner == 0);
	CHECK(!strcmp(t_text(t_exc(e)->message),
		      "The type initializer for 'Ns.Bad' threw an exception."));
	Object *inner = t_exc(e)->inner;
	CHECK(inner && inner->type == &t_exc_types[RT_EXC_INDEX]);
	CHECK(!strcmp(t_text(rt_exc_stack_trace(inner)), "  at Ns.Bad::.cctor ()"));

	CHECK(!rt_init_check(&ci_bad));             /* the cached one again */
	CHECK(rt_exc_catch() == e && bad_runs == 1);
	rt_init_run(&ci_bad);
	CHECK(rt_exc_catch() == e && bad_runs == 1);
}

/* Building the TypeInitializationException fails: what failed is cached. */
static void bad2_cctor(void)
{
	rt_exc_throw_kind(RT_EXC_CAST);
}
RtType t_bad2 = TYPE("Bad2");
RtClassInit ci_bad2 = { .cctor = bad2_cctor, .type = &t_bad2 };

static void test_failure_to_wrap(void)
{
	t_fail_type_init = true;
	CHECK(!rt_init_check(&ci_bad2));
	Object *e = rt_exc_catch();
	CHECK(e && e->type == &t_exc_types[RT_EXC_OOM]);
	CHECK(ci_bad2.error == e && ci_bad2.state == RT_INIT_FAILED);
	CHECK(!rt_init_check(&ci_bad2) && rt_exc_catch() == e);
}

/* ---- threads ---- */

static int slow_runs;
static volatile int slow_value;
static void slow_cctor(void)
{
	slow_runs++;
	usleep(100000);
	slow_value = 42;
}
RtType t_slow = TYPE("Slow");
RtClassInit ci_slow = { .cctor = slow_cctor, .type = &t_slow };

static void *use_slow(void *arg)
{
	bool ok = rt_init_check(&ci_slow);
	return (void *)(uintptr_t)(ok && slow_value == 42);
}

static void test_threads_wait(void)
{
	pthread_t th[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, use_slow, NULL);
	bool all = true;
	for (int i = 0; i < 4; i++) {
		void *ok;
		pthread_join(th[i], &ok);
		all &= ok != NULL;
	}
	CHECK(all && slow_runs == 1);
}

/* Thread 1 runs X's cctor, which needs Y; thread 2 runs Y's, which needs
 * X. Each starts only when the other has: one of them must give up
 * waiting. */
static int x_started, y_started;
#define SET(v) __atomic_store_n(&(v), 1, __ATOMIC_RELEASE)
#define GET(v) __atomic_load_n(&(v), __ATOMIC_ACQUIRE)
extern RtClassInit ci_x, ci_y;
static void x_cctor(void)
{
	SET(x_started);
	while (!GET(y_started))
		usleep(1000);
	rt_init_check(&ci_y);
}
static void y_cctor(void)
{
	SET(y_started);
	while (!GET(x_started))
		usleep(1000);
	rt_init_check(&ci_x);
}
RtType t_x = TYPE("X"), t_y = TYPE("Y");
RtClassInit ci_x = { .cctor = x_cctor, .type = &t_x };
RtClassInit ci_y = { .cctor = y_cctor, .type = &t_y };

static void *init_one(void *ci)
{
	return (void *)(uintptr_t)rt_init_check(ci);
}

static void test_cross_thread_cycle(void)
{
	pthread_t a, b;
	void *ra, *rb;
	alarm(10);                  /* a deadlock fails by SIGALRM */
	pthread_create(&a, NULL, init_one, &ci_x);
	pthread_create(&b, NULL, init_one, &ci_y);
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	alarm(0);
	CHECK(ra && rb);
	CHECK(ci_x.state == RT_INIT_DONE && ci_y.state == RT_INIT_DONE);
}

int main(int argc, char **argv)
{
	rt_proc_start(argc, argv);
	test_once();
	test_recursion();
	test_failure();
	test_failure_to_wrap();
	test_threads_wait();
	test_cross_thread_cycle();
	CHECK(!rt_pending);
	return t_done();
}
