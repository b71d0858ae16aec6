/* icall_vararg: System.ArgIterator over the extra arguments of a vararg
 * call, and TypedReference.ToObject.
 *
 * The extra arguments are an array of RtVarArg ended by a NULL type
 * (rt.h); a RuntimeArgumentHandle holds its address. ArgIterator keeps
 * the array and its position in its own fields (RtArgIterator); Mono's
 * managed code checks the position before each call here, so these
 * never read past the end.
 */
#include "internal.h"

static RtArgIterator *iter(char *self) { return (RtArgIterator *)(void *)self; }

static const RtVarArg *arg_at(RtArgIterator *it, int32_t i)
{
	return &((const RtVarArg *)it->args)[i];
}

/* The iteration starts at the argument whose value is at `start`, or at
 * the first if none is (start is 0 for ArgIterator(RuntimeArgumentHandle)). */
void rt_ArgIterator_Setup(char *self, intptr_t argsp, intptr_t start)
{
	RtArgIterator *it = iter(self);
	it->sig = 0;
	it->args = argsp;
	it->next_arg = 0;
	int32_t n = 0;
	for (; arg_at(it, n)->type; n++)
		if (start && (intptr_t)arg_at(it, n)->value == start)
			it->next_arg = n;
	it->num_args = n;
}

static void take(RtArgIterator *it, int32_t i, intptr_t res)
{
	const RtVarArg *a = arg_at(it, i);
	*(RtTypedRef *)res = (RtTypedRef){ a->value, a->type };
	it->next_arg = i + 1;
}

void rt_ArgIterator_IntGetNextArg(char *self, intptr_t res)
{
	take(iter(self), iter(self)->next_arg, res);
}

/* The next argument of type `rth`, passing over others; a null
 * reference (and no move) if there is none, as Mono means to. */
void rt_ArgIterator_IntGetNextArgWithType(char *self, intptr_t res, intptr_t rth)
{
	RtArgIterator *it = iter(self);
	for (int32_t i = it->next_arg; i < it->num_args; i++)
		if (arg_at(it, i)->type == (const RtType *)rth) {
			take(it, i, res);
			return;
		}
	*(RtTypedRef *)res = (RtTypedRef){ NULL, NULL };
}

intptr_t rt_ArgIterator_IntGetNextArgType(char *self)
{
	RtArgIterator *it = iter(self);
	return (intptr_t)arg_at(it, it->next_arg)->type;
}

/* ---- System.TypedReference ---- */
/* The referenced value as an object (a value type boxed). */
Object *rt_TypedReference_InternalToObject(intptr_t ref)
{
	const RtTypedRef *r = (const RtTypedRef *)ref;
	return r->type ? rt_reflect_box(r->type, r->value) : NULL;
}
