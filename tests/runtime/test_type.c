/* Casts: class displays, interfaces (with base interfaces), arrays per
 * ECMA-335 §I.8.7 (covariance, rank, reduced element types), Nullable,
 * castclass throwing, stelem.ref's store check. */
#include "test.h"

/* Interfaces: I2 extends I1; J is unrelated. */
RtType t_i1 = { .ns = "T", .name = "I1", .flags = RT_T_INTERFACE };
static const RtIface i2_ifaces[] = {{&t_i1, NULL}};
RtType t_i2 = {
	.ns = "T", .name = "I2", .flags = RT_T_INTERFACE,
	.niface = 1, .ifaces = i2_ifaces,
};
RtType t_j = { .ns = "T", .name = "J", .flags = RT_T_INTERFACE };

/* Classes: Object ← A ← B ← C, and A ← D. B implements I2 (so I1). */
static void *const b_i2_slots[] = {(void *)1, (void *)2};
static void *const b_i1_slots[] = {(void *)3};
static const RtIface b_ifaces[] = {{&t_i2, b_i2_slots}, {&t_i1, b_i1_slots}};

RtType t_a = {
	.ns = "T", .name = "A", .size = sizeof(Object), .depth = 1,
	.display = DISPLAY(&t_object, &t_a), .base = &t_object,
};
RtType t_b = {
	.ns = "T", .name = "B", .size = sizeof(Object), .depth = 2,
	.display = DISPLAY(&t_object, &t_a, &t_b), .base = &t_a,
	.niface = 2, .ifaces = b_ifaces,
};
RtType t_c = {
	.ns = "T", .name = "C", .size = sizeof(Object), .depth = 3,
	.display = DISPLAY(&t_object, &t_a, &t_b, &t_c), .base = &t_b,
	.niface = 2, .ifaces = b_ifaces,
};
RtType t_d = {
	.ns = "T", .name = "D", .size = sizeof(Object), .depth = 2,
	.display = DISPLAY(&t_object, &t_a, &t_d), .base = &t_a,
};
/* A class without a display: casts walk `base`. */
RtType t_e = {
	.ns = "T", .name = "E", .size = sizeof(Object), .base = &t_b,
	.niface = 2, .ifaces = b_ifaces,
};

/* Value types. */
#define PRIM(nm, kind, sz) { .ns = "System", .name = nm, .size = sz, \
	.flags = RT_T_VALUETYPE | RT_T_PRIMITIVE | RT_T_POINTERFREE, \
	.elem_kind = kind }
RtType t_int = PRIM("Int32", RT_E_I4, 4);
RtType t_uint = PRIM("UInt32", RT_E_U4, 4);
RtType t_long = PRIM("Int64", RT_E_I8, 8);
RtType t_bool = PRIM("Boolean", RT_E_BOOL, 1);
RtType t_byte = PRIM("Byte", RT_E_U1, 1);
RtType t_sbyte = PRIM("SByte", RT_E_I1, 1);
RtType t_ushort = PRIM("UInt16", RT_E_U2, 2);
RtType t_enum = {
	.ns = "T", .name = "Color", .size = 4, .elem_kind = RT_E_I4,
	.flags = RT_T_VALUETYPE | RT_T_ENUM | RT_T_POINTERFREE,
	.elem = &t_int,
};
RtType t_s1 = { .ns = "T", .name = "S1", .size = 8,
	.flags = RT_T_VALUETYPE | RT_T_POINTERFREE };
RtType t_s2 = { .ns = "T", .name = "S2", .size = 8,
	.flags = RT_T_VALUETYPE | RT_T_POINTERFREE };
RtType t_nullable_int = {
	.ns = "System", .name = "Nullable`1", .size = 8,
	.flags = RT_T_VALUETYPE | RT_T_NULLABLE, .elem = &t_int,
};

static Object *new_obj(const RtType *t)
{
	return rt_gc_alloc(t);
}

static bool isinst(Object *o, const RtType *t)
{
	return rt_type_isinst(o, t) == o && o;
}

static void test_classes(void)
{
	Object *a = new_obj(&t_a), *b = new_obj(&t_b), *c = new_obj(&t_c);
	Object *d = new_obj(&t_d), *e = new_obj(&t_e);
	CHECK(rt_type_is_class(&t_c, &t_a) && !rt_type_is_class(&t_a, &t_c));
	CHECK(rt_type_is_subclass(&t_b, &t_a) && !rt_type_is_subclass(&t_d, &t_b));
	CHECK(isinst(b, &t_a) && isinst(c, &t_a) && isinst(c, &t_b));
	CHECK(isinst(a, &t_object) && isinst(c, &t_object));
	CHECK(!isinst(a, &t_b) && !isinst(d, &t_b) && !isinst(b, &t_d));
	CHECK(rt_type_isinst(NULL, &t_a) == NULL);
	CHECK(isinst(e, &t_b) && isinst(e, &t_a) && isinst(e, &t_object));
	CHECK(!isinst(e, &t_d) && isinst(e, &t_i1));
	CHECK(!isinst(b, &t_e));

	CHECK(rt_type_castclass(c, &t_a) == c && !rt_pending);
	CHECK(rt_type_castclass(NULL, &t_d) == NULL && !rt_pending);
	CHECK(rt_type_castclass(b, &t_d) == NULL);
	CHECK(rt_pending && rt_pending->type == &t_exc_types[RT_EXC_CAST]);
	CHECK(!strcmp(t_text(t_exc(rt_exc_catch())->message),
		      "Specified cast is not valid."));
}

static void test_interfaces(void)
{
	Object *a = new_obj(&t_a), *b = new_obj(&t_b), *c = new_obj(&t_c);
	CHECK(isinst(b, &t_i1) && isinst(b, &t_i2) && isinst(c, &t_i1));
	CHECK(!isinst(a, &t_i1) && !isinst(b, &t_j));
	CHECK(rt_type_implements(&t_i2, &t_i1) && !rt_type_implements(&t_i1, &t_i2));
	CHECK(rt_type_iface_slots(&t_b, &t_i2) == b_i2_slots);
	CHECK(rt_type_iface_slots(&t_c, &t_i1) == b_i1_slots);
	CHECK(rt_type_iface_slots(&t_a, &t_i1) == NULL);
	CHECK(rt_type_castclass(a, &t_i2) == NULL);
	CHECK(rt_pending && rt_pending->type == &t_exc_types[RT_EXC_CAST]);
	rt_exc_catch();
}

/* ---- arrays ---- */

static RtType vec(const RtType *elem)
{
	bool ref = !(elem->flags & RT_T_VALUETYPE);
	int kind = ref ? RT_E_REF : elem->elem_kind ? elem->elem_kind : RT_E_STRUCT;
	return t_array_of(elem, kind, ref ? 8 : elem->size, 1, true);
}

static bool array_is(RtType *from, RtType *to)
{
	RtArray *a = rt_gc_alloc_array(from, 1);
	return isinst(&a->hdr, to);
}

static void test_array_covariance(void)
{
	RtType objs = vec(&t_object), strs = vec(&t_string), as = vec(&t_a),
	       bs = vec(&t_b), ds = vec(&t_d), i1s = vec(&t_i1), i2s = vec(&t_i2);
	CHECK(array_is(&strs, &objs) && !array_is(&objs, &strs));
	CHECK(array_is(&bs, &as) && !array_is(&as, &bs) && !array_is(&ds, &bs));
	CHECK(array_is(&bs, &i1s) && array_is(&bs, &i2s) && !array_is(&as, &i1s));
	CHECK(array_is(&i2s, &i1s) && !array_is(&i1s, &i2s));
	CHECK(array_is(&i1s, &objs) && !array_is(&i1s, &as));
	CHECK(array_is(&bs, &t_array) && array_is(&bs, &t_object));
	CHECK(array_is(&strs, &t_string_array));     /* same shape, other desc */

	/* rank, and vector vs rank-1 multi-dimensional */
	RtType a2 = t_array_of(&t_a, RT_E_REF, 8, 2, false);
	RtType b2 = t_array_of(&t_b, RT_E_REF, 8, 2, false);
	RtType a1md = t_array_of(&t_a, RT_E_REF, 8, 1, false);
	RtArray *m = rt_gc_alloc_mdarray(&b2, (int32_t[]){1, 1}, NULL);
	CHECK(isinst(&m->hdr, &a2) && !isinst(&m->hdr, &as));
	CHECK(isinst(&m->hdr, &t_array));
	m = rt_gc_alloc_mdarray(&a1md, (int32_t[]){1}, NULL);
	CHECK(!isinst(&m->hdr, &as) && isinst(&m->hdr, &a1md));
	CHECK(!array_is(&as, &a1md));
}

static void test_array_value_elements(void)
{
	RtType ints = vec(&t_int), uints = vec(&t_uint), longs = vec(&t_long),
	       bools = vec(&t_bool), bytes = vec(&t_byte), sbytes = vec(&t_sbyte),
	       colors = vec(&t_enum), s1s = vec(&t_s1), s2s = vec(&t_s2),
	       objs = vec(&t_object), ushorts = vec(&t_ushort);
	CHECK(array_is(&ints, &uints) && array_is(&uints, &ints));
	CHECK(array_is(&bytes, &sbytes) && !array_is(&bools, &bytes));
	CHECK(!array_is(&ints, &longs) && !array_is(&ints, &objs));
	CHECK(!array_is(&t_char_array, &ushorts));
	CHECK(array_is(&colors, &ints) && array_is(&uints, &colors));
	/* an enum array described by RT_E_STRUCT + the enum's elem_kind */
	RtType colors2 = t_array_of(&t_enum, RT_E_STRUCT, 4, 1, true);
	CHECK(array_is(&colors2, &ints) && array_is(&ints, &colors2));
	CHECK(array_is(&s1s, &s1s) && !array_is(&s1s, &s2s));
	CHECK(array_is(&ints, &t_array));
}

static void test_nullable(void)
{
	Object *boxed = rt_gc_alloc(&t_int);
	CHECK(isinst(boxed, &t_nullable_int) && isinst(boxed, &t_int));
	CHECK(!isinst(rt_gc_alloc(&t_long), &t_nullable_int));
	CHECK(!isinst(boxed, &t_uint) && !isinst(boxed, &t_enum));
}

static void test_check_store(void)
{
	RtType objs = vec(&t_object), as = vec(&t_a), i1s = vec(&t_i1);
	Object *a = new_obj(&t_a), *b = new_obj(&t_b), *d = new_obj(&t_d);
	RtArray *oa = rt_gc_alloc_array(&objs, 1);
	CHECK(rt_type_check_store(oa, a) && rt_type_check_store(oa, &oa->hdr));
	RtArray *aa = rt_gc_alloc_array(&as, 1);
	CHECK(rt_type_check_store(aa, b) && rt_type_check_store(aa, d));
	CHECK(rt_type_check_store(aa, NULL) && !rt_pending);
	RtArray *sa = rt_gc_alloc_array(&t_string_array, 1);
	CHECK(!rt_type_check_store(sa, a));
	CHECK(rt_pending && rt_pending->type == &t_exc_types[RT_EXC_ARRAYTYPE]);
	rt_exc_catch();
	RtArray *ia = rt_gc_alloc_array(&i1s, 1);
	CHECK(rt_type_check_store(ia, b) && !rt_pending);
	CHECK(!rt_type_check_store(ia, d));
	CHECK(rt_pending && rt_pending->type == &t_exc_types[RT_EXC_ARRAYTYPE]);
	rt_exc_catch();
	/* covariance: a B[] seen as A[] refuses a D */
	RtType bs = vec(&t_b);
	RtArray *ba = rt_gc_alloc_array(&bs, 1);
	CHECK(!rt_type_check_store(ba, d));
	rt_exc_catch();
}

int main(int argc, char **argv)
{
	rt_proc_start(argc, argv);
	test_classes();
	test_interfaces();
	test_array_covariance();
	test_array_value_elements();
	test_nullable();
	test_check_store();
	CHECK(!rt_pending);
	return t_done();
}
