/* Runs under the library's own main() (main.c): the test provides only
 * rt_known.main. argv[1] picks what it does; tests/runtime/run checks the
 * exit status, stdout and stderr against expect/main-MODE.*:
 *   args    print the arguments, return 7
 *   throw   leave an exception (non-ASCII message, three frames) unhandled
 *   tie     a failing static constructor: TypeInitializationException
 *   null    throw null: NullReferenceException
 *   nomsg   an exception type in the global namespace, null message
 */
#include "internal.h"

static int32_t prog_main(RtArray *args);
#define T_MAIN prog_main

#include "test.h"

RtType t_my_ex = {
	.name = "MyEx", .size = sizeof(TExc), .depth = 2,
	.display = DISPLAY(&t_object, &t_exception, &t_my_ex),
	.base = &t_exception,
};

static int32_t print_args(RtArray *args)
{
	for (uintptr_t i = 0; i < args->length; i++)
		printf("[%s]\n", rt_str_to_utf8(RT_ARRAY_DATA(args, RtString *)[i]));
	return 7;
}

/* "bad é thing", built from UTF-16. */
/* the names in traces, as generated code declares them */
static const RtFrameName static_frames[] = {
	{ .type = "P", .method = "F" }, { .type = "C", .method = ".cctor" },
	{ .type = "P", .method = "Main" } };

static void f(int n)
{
	if (n == 0) {
		static const uint16_t msg[] = {'b', 'a', 'd', ' ', 0xE9, ' ',
					       't', 'h', 'i', 'n', 'g'};
		TExc *e = (TExc *)rt_gc_alloc(&t_invalid_op);
		e->message = rt_str_from_utf16(msg, 11);
		rt_exc_throw(&e->hdr);
	} else {
		f(n - 1);
	}
	if (rt_pending)
		rt_exc_trace(&(static_frames[0]));
}

static void c_cctor(void)
{
	rt_exc_throw(t_new_exc(&t_exception, "boom", NULL));
	rt_exc_trace(&(static_frames[1]));
}
RtType t_c = { .ns = "", .name = "C", .size = sizeof(Object) };
RtClassInit ci_c = { .cctor = c_cctor, .type = &t_c };

static int32_t prog_main(RtArray *args)
{
	const char *mode = args->length ?
		rt_str_to_utf8(RT_ARRAY_DATA(args, RtString *)[0]) : "";
	if (!strcmp(mode, "args"))
		return print_args(args);
	if (!strcmp(mode, "throw"))
		f(2);
	else if (!strcmp(mode, "tie"))
		rt_init_check(&ci_c);
	else if (!strcmp(mode, "null"))
		rt_exc_throw(NULL);
	else if (!strcmp(mode, "nomsg"))
		rt_exc_throw(rt_gc_alloc(&t_my_ex));
	if (rt_pending)
		rt_exc_trace(&(static_frames[2]));
	return 0;
}
