/* arr.c: arrays (rt_arr_).
 *
 * Requires: multi-dimensional arrays from rt_gc_alloc_mdarray (bounds set,
 * rank in the type). Vectors need nothing here: generated code indexes them
 * inline against `length`.
 * Provides: the element offset of a multi-dimensional access, row-major,
 * after checking each index against its dimension's lower bound and length.
 */
#include "internal.h"

intptr_t rt_arr_md_index(RtArray *a, const int32_t *idx)
{
	int rank = a->hdr.type->rank;
	uintptr_t flat = 0;
	for (int i = 0; i < rank; i++) {
		const RtBounds *b = &a->bounds[i];
		/* Unsigned: an index below the lower bound wraps to huge. */
		uintptr_t off = (uintptr_t)((intptr_t)idx[i] - b->lower_bound);
		if (RT_UNLIKELY(off >= b->length)) {
			rt_exc_throw_kind(RT_EXC_INDEX);
			return -1;
		}
		flat = flat * b->length + off;
	}
	return (intptr_t)flat;
}
