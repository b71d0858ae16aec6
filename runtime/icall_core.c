/* icall_core: internal calls of Mono's class library that ilcc's runtime
 * implements, grouped by managed class (the keys are in icalls.def).
 *
 * Arguments come as generated code passes them: `this` first, references
 * as Object *, managed pointers as char *, native ints and unmanaged
 * pointers as intptr_t.
 */
#include "internal.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/random.h>
#include <sys/utsname.h>
#include <unistd.h>

/* ---- System.Object ---- */
Object *rt_Object_GetType(Object *self);

Object *rt_Object_MemberwiseClone(Object *self)
{
	const RtType *t = self->type;
	size_t size;
	if (t->flags & RT_T_ARRAY) {
		RtArray *a = (RtArray *)self;
		size = offsetof(RtArray, data) + a->length * t->elem_size;
		if (a->bounds) {        /* the bounds follow the data (gc.c) */
			size_t bounds_off = (size_t)((char *)a->bounds - (char *)a);
			size = bounds_off + t->rank * sizeof(RtBounds);
			RtArray *c = rt_gc_alloc_raw(size, (t->flags & RT_T_POINTERFREE) != 0);
			if (!c)
				return NULL;
			memcpy(c, a, size);
			c->hdr.sync = 0;
			c->bounds = (RtBounds *)((char *)c + bounds_off);
			return (Object *)c;
		}
	} else if (t->flags & RT_T_STRING) {
		size = offsetof(RtString, chars) + 2 * ((size_t)((RtString *)self)->length + 1);
	} else {
		size = t->size + ((t->flags & RT_T_VALUETYPE) ? sizeof(Object) : 0);
	}
	Object *o = rt_gc_alloc_raw(size, (t->flags & RT_T_POINTERFREE) != 0);
	if (!o)
		return NULL;
	memcpy(o, self, size);
	o->sync = 0;
	if (t->finalize)
		rt_gc_register_finalizer(o);
	return o;
}

int32_t rt_Object_InternalGetHashCode(Object *o) { return o ? rt_mon_hash(o) : 0; }

/* ---- System.Type: one RuntimeType object per RtType ---- */
typedef struct TypeObj {
	const RtType *t;
	Object *obj;
} TypeObj;

static TypeObj *type_objs;
static size_t ntype_objs, cap_type_objs;
static pthread_mutex_t type_lock = PTHREAD_MUTEX_INITIALIZER;

static Object *type_object(const RtType *t)
{
	if (!t)
		return NULL;
	pthread_mutex_lock(&type_lock);
	Object *found = NULL;
	for (size_t i = 0; i < ntype_objs && !found; i++)
		if (type_objs[i].t == t)
			found = type_objs[i].obj;
	if (!found) {
		found = rt_gc_alloc(rt_known.runtime_type);
		if (found) {
			*(const RtType **)((char *)found + rt_known.type_impl_off) = t;
			if (ntype_objs == cap_type_objs) {
				/* the table lives in GC memory, found through this
				 * file's static pointer */
				size_t cap = cap_type_objs ? 2 * cap_type_objs : 64;
				TypeObj *grown = rt_gc_alloc_raw(cap * sizeof *grown, false);
				if (ntype_objs)
					memcpy(grown, type_objs, ntype_objs * sizeof *grown);
				type_objs = grown;
				cap_type_objs = cap;
			}
			type_objs[ntype_objs++] = (TypeObj){ t, found };
		}
	}
	pthread_mutex_unlock(&type_lock);
	return found;
}

Object *rt_Object_GetType(Object *self) { return type_object(self->type); }
Object *rt_Type_internal_from_handle(intptr_t h) { return type_object((const RtType *)h); }

/* ---- System.String ---- */
Object *rt_String_FastAllocateString(int32_t n) { return (Object *)rt_gc_alloc_string(n); }

/* ---- System.Array ---- */
static RtArray *arr(Object *o) { return (RtArray *)o; }

int32_t rt_Array_GetRank(Object *self) { return self->type->rank ? self->type->rank : 1; }

int32_t rt_Array_GetLength(Object *self, int32_t dim)
{
	RtArray *a = arr(self);
	if (dim < 0 || dim >= rt_Array_GetRank(self)) {
		rt_exc_throw_kind(RT_EXC_INDEX);
		return 0;
	}
	return a->bounds ? (int32_t)a->bounds[dim].length : (int32_t)a->length;
}

int32_t rt_Array_GetLowerBound(Object *self, int32_t dim)
{
	RtArray *a = arr(self);
	if (dim < 0 || dim >= rt_Array_GetRank(self)) {
		rt_exc_throw_kind(RT_EXC_INDEX);
		return 0;
	}
	return a->bounds ? a->bounds[dim].lower_bound : 0;
}

/* Same element representation: a raw copy is right. */
static bool same_elements(const RtType *a, const RtType *b)
{
	if (a == b)
		return true;
	if (a->elem_kind != b->elem_kind || a->elem_size != b->elem_size)
		return false;
	if (a->elem_kind == RT_E_STRUCT)
		return a->elem == b->elem;
	if (a->elem_kind == RT_E_REF)       /* covariance: dst must accept src */
		return rt_type_is_assignable(b->elem, a->elem);
	return true;
}

bool rt_Array_FastCopy(Object *src, int32_t si, Object *dst, int32_t di, int32_t n)
{
	RtArray *s = arr(src), *d = arr(dst);
	if (!same_elements(src->type, dst->type))
		return false;
	if (si < 0 || di < 0 || n < 0 || (uintptr_t)si + (uintptr_t)n > s->length ||
	    (uintptr_t)di + (uintptr_t)n > d->length)
		return false;
	size_t es = src->type->elem_size;
	memmove(d->data + (size_t)di * es, s->data + (size_t)si * es, (size_t)n * es);
	return true;
}

void rt_Array_ClearInternal(Object *a, int32_t index, int32_t n)
{
	size_t es = a->type->elem_size;
	memset(arr(a)->data + (size_t)index * es, 0, (size_t)n * es);
}

void rt_Array_GetGenericValueImpl(Object *self, int32_t pos, char *value)
{
	size_t es = self->type->elem_size;
	memcpy(value, arr(self)->data + (size_t)pos * es, es);
}

void rt_Array_SetGenericValueImpl(Object *self, int32_t pos, char *value)
{
	size_t es = self->type->elem_size;
	memcpy(arr(self)->data + (size_t)pos * es, value, es);
}

Object *rt_Array_GetValueImpl(Object *self, int32_t pos)
{
	const RtType *et = self->type->elem;
	unsigned char *p = arr(self)->data + (size_t)pos * self->type->elem_size;
	if (self->type->elem_kind == RT_E_REF)
		return *(Object **)p;
	Object *box = rt_gc_alloc(et);
	if (box)
		memcpy((char *)box + sizeof(Object), p, self->type->elem_size);
	return box;
}

void rt_Array_SetValueImpl(Object *self, Object *value, int32_t pos)
{
	unsigned char *p = arr(self)->data + (size_t)pos * self->type->elem_size;
	if (self->type->elem_kind == RT_E_REF) {
		if (rt_type_check_store(arr(self), value))
			*(Object **)p = value;
		return;
	}
	if (!value) {
		memset(p, 0, self->type->elem_size);
		return;
	}
	if (value->type != self->type->elem) {
		rt_exc_throw_kind(RT_EXC_CAST);
		return;
	}
	memcpy(p, (char *)value + sizeof(Object), self->type->elem_size);
}

/* Array.GetValue(int[]) and SetValue(object, int[]): the element's place
 * from its indices, or -1 with an exception pending. */
static intptr_t indices_pos(Object *self, Object *indices)
{
	RtArray *a = arr(self), *ix = (RtArray *)indices;
	if (!ix) {
		rt_exc_throw_kind(RT_EXC_ARGNULL);
		return -1;
	}
	if (ix->length != self->type->rank) {
		rt_exc_throw_msg(RT_EXC_ARG, "Indices length does not match the array rank.");
		return -1;
	}
	const int32_t *i = RT_ARRAY_DATA(ix, int32_t);
	if (!a->bounds) {
		if ((uint32_t)i[0] >= a->length) {
			rt_exc_throw_kind(RT_EXC_INDEX);
			return -1;
		}
		return i[0];
	}
	return rt_arr_md_index(a, i);
}

Object *rt_Array_GetValue(Object *self, Object *indices)
{
	intptr_t pos = indices_pos(self, indices);
	return pos < 0 ? NULL : rt_Array_GetValueImpl(self, (int32_t)pos);
}

void rt_Array_SetValue(Object *self, Object *value, Object *indices)
{
	intptr_t pos = indices_pos(self, indices);
	if (pos >= 0)
		rt_Array_SetValueImpl(self, value, (int32_t)pos);
}

/* ---- System.Buffer and System.Runtime.RuntimeImports ---- */
int32_t rt_Buffer__ByteLength(Object *a)
{
	if (a->type->elem_kind == RT_E_REF || a->type->elem_kind == RT_E_STRUCT)
		return -1;
	return (int32_t)(arr(a)->length * a->type->elem_size);
}

bool rt_Buffer_InternalBlockCopy(Object *src, int32_t so, Object *dst, int32_t dof, int32_t n)
{
	int32_t sl = rt_Buffer__ByteLength(src), dl = rt_Buffer__ByteLength(dst);
	if (so < 0 || dof < 0 || n < 0 || so > sl - n || dof > dl - n)
		return false;
	memmove(arr(dst)->data + dof, arr(src)->data + so, (size_t)n);
	return true;
}

void rt_Buffer_InternalMemcpy(intptr_t d, intptr_t s, int32_t n)
{
	memcpy((void *)d, (void *)s, (size_t)n);
}

void rt_RuntimeImports_Memmove(intptr_t d, intptr_t s, uint32_t n)
{
	memmove((void *)d, (void *)s, n);
}

void rt_RuntimeImports_Memmove_wbarrier(intptr_t d, intptr_t s, uint32_t n, intptr_t type)
{
	const RtType *t = (const RtType *)type;
	size_t es = (t->flags & RT_T_VALUETYPE) ? t->size : sizeof(Object *);
	memmove((void *)d, (void *)s, n * es);
}

void rt_RuntimeImports_ZeroMemory(intptr_t p, uint32_t n) { memset((void *)p, 0, n); }

/* ---- System.Runtime.CompilerServices.RuntimeHelpers ---- */
/* `data` is the handle ldtoken made of a field: an RtFieldData for a
 * field with data in the file, else an RtField. Mono's checks, in its
 * order: the elements are primitives or enums, the field has data, the
 * data fills the array. */
void rt_RuntimeHelpers_InitializeArray(Object *a, intptr_t data)
{
	const RtType *e = a->type->elem;        /* NULL: an array of pointers */
	if (e && (!(e->flags & RT_T_VALUETYPE) || !(e->flags & (RT_T_PRIMITIVE | RT_T_ENUM)))) {
		rt_exc_throw_arg("array", "Cannot initialize array of non-primitive type");
		return;
	}
	const RtFieldData *fd = (const RtFieldData *)data;
	if (fd->tag != RT_FIELD_DATA_TAG && ((const RtField *)data)->rva)
		fd = ((const RtField *)data)->rva;      /* a FieldInfo's FieldHandle */
	if (fd->tag != RT_FIELD_DATA_TAG) {
		char msg[300];
		snprintf(msg, sizeof msg, "Field '%s' doesn't have an RVA",
			 ((const RtField *)data)->name);
		rt_exc_throw_arg("field_handle", msg);
		return;
	}
	size_t n = (size_t)arr(a)->length * a->type->elem_size;
	if (n > fd->size) {
		rt_exc_throw_arg("field_handle", "Field not large enough to fill array");
		return;
	}
	memcpy(arr(a)->data, fd->data, n);
}

int32_t rt_RuntimeHelpers_get_OffsetToStringData(void)
{
	return (int32_t)offsetof(RtString, chars);
}

Object *rt_RuntimeHelpers_GetObjectValue(Object *o)
{
	if (!o || !(o->type->flags & RT_T_VALUETYPE))
		return o;
	return rt_Object_MemberwiseClone(o);
}

bool rt_RuntimeHelpers_SufficientExecutionStack(void) { return true; }

bool rt_RuntimeTypeHandle_HasReferences(Object *rtype)
{
	const RtType *t = rt_type_of_runtime_type(rtype);
	return !(t->flags & RT_T_POINTERFREE) || !(t->flags & RT_T_VALUETYPE);
}

/* Element types of arrays, byrefs and pointers (NULL for arrays of
 * pointers, which have no descriptor); other types have none. */
Object *rt_RuntimeTypeHandle_GetElementType(Object *rtype)
{
	const RtType *t = rt_type_of_runtime_type(rtype);
	return (t->flags & (RT_T_ARRAY | RT_T_BYREF | RT_T_POINTER)) ? type_object(t->elem) : NULL;
}

/* Type.BaseType: the descriptor's base (none for Object, interfaces,
 * pointers and byrefs). */
Object *rt_RuntimeTypeHandle_GetBaseType(Object *rtype)
{
	const RtType *t = rt_type_of_runtime_type(rtype);
	if (t->flags & (RT_T_BYREF | RT_T_POINTER | RT_T_INTERFACE))
		return NULL;
	return t->base ? type_object(t->base) : NULL;
}

bool rt_RuntimeTypeHandle_IsPointer(Object *rtype)
{
	return (rt_type_of_runtime_type(rtype)->flags & RT_T_POINTER) != 0;
}

/* ---- System.Math ---- */
double rt_Math_Round(double x) { return nearbyint(x); }
double rt_Math_Abs(double x) { return fabs(x); }
float rt_Math_Absf(float x) { return fabsf(x); }
double rt_Math_Acos(double x) { return acos(x); }
double rt_Math_Acosh(double x) { return acosh(x); }
double rt_Math_Asin(double x) { return asin(x); }
double rt_Math_Asinh(double x) { return asinh(x); }
double rt_Math_Atan(double x) { return atan(x); }
double rt_Math_Atan2(double y, double x) { return atan2(y, x); }
double rt_Math_Atanh(double x) { return atanh(x); }
double rt_Math_Cbrt(double x) { return cbrt(x); }
double rt_Math_Ceiling(double x) { return ceil(x); }
double rt_Math_Cos(double x) { return cos(x); }
double rt_Math_Cosh(double x) { return cosh(x); }
double rt_Math_Exp(double x) { return exp(x); }
double rt_Math_Floor(double x) { return floor(x); }
double rt_Math_Log(double x) { return log(x); }
double rt_Math_Log10(double x) { return log10(x); }
double rt_Math_Pow(double x, double y) { return pow(x, y); }
double rt_Math_Sin(double x) { return sin(x); }
double rt_Math_Sinh(double x) { return sinh(x); }
double rt_Math_Sqrt(double x) { return sqrt(x); }
double rt_Math_Tan(double x) { return tan(x); }
double rt_Math_Tanh(double x) { return tanh(x); }
double rt_Math_FMod(double x, double y) { return fmod(x, y); }
double rt_Math_ModF(double x, intptr_t ip) { return modf(x, (double *)ip); }
float rt_MathF_Sqrt(float x) { return sqrtf(x); }

/* ---- System.Threading.Monitor ---- */
/* A null object is ArgumentNullException, as in Mono (without its
 * parameter name: the runtime's exceptions carry a message only). */
void rt_Monitor_Enter(Object *o)
{
	if (!o)
		rt_exc_throw_kind(RT_EXC_ARGNULL);
	else
		rt_mon_enter(o);
}

void rt_Monitor_Exit(Object *o)
{
	if (!o)
		rt_exc_throw_kind(RT_EXC_ARGNULL);
	else
		rt_mon_exit(o);
}

void rt_Monitor_try_enter_with_atomic_var(Object *o, int32_t timeout, char *taken)
{
	if (!o) {
		rt_exc_throw_kind(RT_EXC_NULLREF);
		return;
	}
	*(uint8_t *)taken = rt_mon_try_enter(o, timeout);
}

bool rt_Monitor_Monitor_wait(Object *o, int32_t ms) { return rt_mon_wait(o, ms); }
void rt_Monitor_Monitor_pulse(Object *o) { rt_mon_pulse(o, false); }
void rt_Monitor_Monitor_pulse_all(Object *o) { rt_mon_pulse(o, true); }
bool rt_Monitor_Monitor_test_synchronised(Object *o) { return rt_mon_is_locked(o); }
bool rt_Monitor_Monitor_test_owner(Object *o) { return rt_mon_is_entered(o); }

/* ---- System.Threading.Interlocked ---- */
int32_t rt_Interlocked_CompareExchange_i4(char *p, int32_t v, int32_t cmp)
{
	return rti_Interlocked_CompareExchange_i4(p, v, cmp);
}

int64_t rt_Interlocked_CompareExchange_i8(char *p, int64_t v, int64_t cmp)
{
	return rti_Interlocked_CompareExchange_i8(p, v, cmp);
}

intptr_t rt_Interlocked_CompareExchange_ip(char *p, intptr_t v, intptr_t cmp)
{
	return rti_Interlocked_CompareExchange_ip(p, v, cmp);
}

/* Bit-for-bit moves between floats and integers. */
#define BITS(to, from) ({ to t_; _Static_assert(sizeof(to) == sizeof(from), "size"); \
	memcpy(&t_, &(from), sizeof t_); t_; })

float rt_Interlocked_CompareExchange_r4(char *p, float v, float cmp)
{
	int32_t r = rt_Interlocked_CompareExchange_i4(p, BITS(int32_t, v), BITS(int32_t, cmp));
	return BITS(float, r);
}

double rt_Interlocked_CompareExchange_r8(char *p, double v, double cmp)
{
	int64_t r = rt_Interlocked_CompareExchange_i8(p, BITS(int64_t, v), BITS(int64_t, cmp));
	return BITS(double, r);
}

int32_t rt_Interlocked_CompareExchange_i4_ok(char *p, int32_t v, int32_t cmp, char *ok)
{
	int32_t old = rt_Interlocked_CompareExchange_i4(p, v, cmp);
	*(uint8_t *)ok = old == cmp;
	return old;
}

/* CompareExchange(ref object location, ref object value, ref object comparand,
 * ref object result) */
void rt_Interlocked_CompareExchange_obj(char *loc, char *v, char *cmp, char *res)
{
	Object *c = *(Object **)cmp;
	__atomic_compare_exchange_n((Object **)loc, &c, *(Object **)v, false,
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	*(Object **)res = c;
}

void rt_Interlocked_Exchange_obj(char *loc, char *v, char *res)
{
	*(Object **)res = __atomic_exchange_n((Object **)loc, *(Object **)v, __ATOMIC_SEQ_CST);
}

int32_t rt_Interlocked_Exchange_i4(char *p, int32_t v) { return rti_Interlocked_Exchange_i4(p, v); }
int64_t rt_Interlocked_Exchange_i8(char *p, int64_t v) { return rti_Interlocked_Exchange_i8(p, v); }
intptr_t rt_Interlocked_Exchange_ip(char *p, intptr_t v) { return rti_Interlocked_Exchange_ip(p, v); }

float rt_Interlocked_Exchange_r4(char *p, float v)
{
	int32_t r = rt_Interlocked_Exchange_i4(p, BITS(int32_t, v));
	return BITS(float, r);
}

double rt_Interlocked_Exchange_r8(char *p, double v)
{
	int64_t r = rt_Interlocked_Exchange_i8(p, BITS(int64_t, v));
	return BITS(double, r);
}

int32_t rt_Interlocked_Increment_i4(char *p) { return rti_Interlocked_Increment_i4(p); }
int64_t rt_Interlocked_Increment_i8(char *p) { return rti_Interlocked_Increment_i8(p); }
int32_t rt_Interlocked_Decrement_i4(char *p) { return rti_Interlocked_Decrement_i4(p); }
int64_t rt_Interlocked_Decrement_i8(char *p) { return rti_Interlocked_Decrement_i8(p); }
int32_t rt_Interlocked_Add_i4(char *p, int32_t v) { return rti_Interlocked_Add_i4(p, v); }
int64_t rt_Interlocked_Add_i8(char *p, int64_t v) { return rti_Interlocked_Add_i8(p, v); }
int64_t rt_Interlocked_Read(char *p) { return rti_Interlocked_Read(p); }
void rt_Interlocked_MemoryBarrierProcessWide(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }

/* ---- System.Threading.Thread ---- */
void rt_Thread_MemoryBarrier(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
void rt_Thread_SpinWait_nop(void) {}
bool rt_Thread_YieldInternal(void) { return sched_yield() == 0; }

/* Sleeps on the wait condition (wait.c), so that Thread.Interrupt can
 * wake it; -1 is for ever. */
void rt_Thread_SleepInternal(int32_t ms)
{
	struct timespec deadline;
	if (ms == 0)
		sched_yield();
	if (ms > 0)
		rt_wait_deadline(ms, &deadline);
	rt_wait_lock();
	rt_thread_mark_waiting(ms != 0);
	bool interrupted;
	while (!(interrupted = rt_thread_take_interrupt()) && ms != 0 &&
	       rt_wait_sleep(ms > 0 ? &deadline : NULL))
		;
	rt_thread_mark_waiting(false);
	rt_wait_unlock();
	if (interrupted)
		rt_thread_raise_interrupted();
}

int32_t rt_Thread_GetDomainID(void) { return 0; }   /* Mono's root domain */
int32_t rt_Thread_SystemMaxStackStize(void) { return 8 << 20; }

int32_t rt_Thread_VolatileRead_i4(char *p) { return __atomic_load_n((int32_t *)p, __ATOMIC_SEQ_CST); }
Object *rt_Thread_VolatileRead_obj(char *p) { return __atomic_load_n((Object **)p, __ATOMIC_SEQ_CST); }
void rt_Thread_VolatileWrite_i4(char *p, int32_t v) { __atomic_store_n((int32_t *)p, v, __ATOMIC_SEQ_CST); }
void rt_Thread_VolatileWrite_obj(char *p, Object *v) { __atomic_store_n((Object **)p, v, __ATOMIC_SEQ_CST); }

/* Thread.VolatileRead/VolatileWrite and Volatile.Read/Write of every
 * other type: sequentially consistent loads and stores. */
#define VOLATILE(sfx, T) \
	T rt_Thread_VolatileRead_##sfx(char *p) { T v; __atomic_load((T *)p, &v, __ATOMIC_SEQ_CST); return v; } \
	void rt_Thread_VolatileWrite_##sfx(char *p, T v) { __atomic_store((T *)p, &v, __ATOMIC_SEQ_CST); }
VOLATILE(u1, uint8_t)
VOLATILE(i1, int8_t)
VOLATILE(i2, int16_t)
VOLATILE(u2, uint16_t)
VOLATILE(u4, uint32_t)
VOLATILE(i8, int64_t)
VOLATILE(u8, uint64_t)
VOLATILE(ip, intptr_t)
VOLATILE(up, uintptr_t)
VOLATILE(r4, float)
VOLATILE(r8, double)

/* ---- System.GC ---- */
void rt_GC_InternalCollect(int32_t gen) { rt_gc_collect(); }
int64_t rt_GC_GetTotalMemory(bool force)
{
	if (force)
		rt_gc_collect();
	return rt_gc_total_memory();
}
int32_t rt_GC_GetMaxGeneration(void) { return 0; }
int32_t rt_GC_GetCollectionCount(int32_t gen) { return rt_gc_collection_count(); }
int32_t rt_GC_GetGeneration(Object *o) { return 0; }
void rt_GC_RecordPressure(int64_t n) {}
void rt_GC__SuppressFinalize(Object *o) { if (o) rt_gc_suppress_finalizer(o); }
void rt_GC__ReRegisterForFinalize(Object *o) { if (o) rt_gc_register_finalizer(o); }
void rt_GC_WaitForPendingFinalizers(void) { rt_gc_wait_for_finalizers(); }
void rt_GC_register_ephemeron_array(Object *a) {}

static Object *tombstone;
int64_t rt_GC_GetAllocatedBytesForCurrentThread(void) { return rt_gc_allocated_bytes(); }

Object *rt_GC_get_ephemeron_tombstone(void)
{
	if (!tombstone)
		tombstone = rt_gc_alloc(rt_known.object);
	return tombstone;
}

/* ---- System.Environment ---- */
Object *rt_Environment_GetNewLine(void) { return (Object *)rt_str_from_utf8("\n"); }
int32_t rt_Environment_get_ExitCode(void) { return rt_exit_code; }
void rt_Environment_set_ExitCode(int32_t c) { rt_exit_code = c; }
bool rt_Environment_get_HasShutdownStarted(void) { return false; }
void rt_Environment_Exit(int32_t c) { rt_process_exit_event(); rt_exit(c); }

/* Mono's words, then SIGABRT (status 134) without its crash report */
void rt_Environment_FailFast(Object *msg, Object *exc, Object *source)
{
	fflush(stdout);
	fprintf(stderr, "CLR: Managed code called FailFast, saying \"%s\"\n",
		msg ? rt_str_to_utf8((RtString *)msg) : "");
	signal(SIGABRT, SIG_DFL);
	abort();
}
int32_t rt_Environment_get_Platform(void) { return 4; }       /* PlatformID.Unix */
bool rt_Environment_GetIs64BitOperatingSystem(void) { return sizeof(void *) == 8; }
int32_t rt_Environment_GetPageSize(void) { return (int32_t)sysconf(_SC_PAGESIZE); }
int32_t rt_Environment_get_ProcessorCount(void) { return rt_cpu_count(); }

int32_t rt_Environment_get_TickCount(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int32_t)((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

Object *rt_Environment_GetCommandLineArgs(void)
{
	RtArray *a = rt_gc_alloc_array(rt_known.string_array, rt_argc);
	if (!a)
		return NULL;
	for (int i = 0; i < rt_argc; i++)
		RT_ARRAY_DATA(a, RtString *)[i] = rt_str_from_utf8(rt_argv[i]);
	return (Object *)a;
}

Object *rt_Environment_internalGetEnvironmentVariable_native(intptr_t name)
{
	const char *v = getenv((const char *)name);
	return v ? (Object *)rt_str_from_utf8(v) : NULL;
}

/* The kernel's release as Mono gives it: its first four runs of digits,
 * joined by dots ("6.18.44-fc-v1252" is "6.18.44.1252"). */
Object *rt_Environment_GetOSVersionString(void)
{
	struct utsname u;
	char out[64] = "";
	size_t n = 0;
	int runs = 0;
	if (uname(&u) == 0)
		for (const char *p = u.release; *p && runs < 4; runs++) {
			while (*p && (*p < '0' || *p > '9'))
				p++;
			if (!*p)
				break;
			if (runs && n < sizeof out - 1)
				out[n++] = '.';
			while (*p >= '0' && *p <= '9' && n < sizeof out - 1)
				out[n++] = *p++;
		}
	out[n] = 0;
	return (Object *)rt_str_from_utf8(n ? out : "0.0.0.0");
}

/* RuntimeInformation's static constructor maps these to its enums. */
Object *rt_RuntimeInformation_GetOSName(void) { return (Object *)rt_str_from_utf8("linux"); }
Object *rt_RuntimeInformation_GetRuntimeArchitecture(void)
{
#if defined(__x86_64__)
	return (Object *)rt_str_from_utf8("x86-64");
#elif defined(__aarch64__)
	return (Object *)rt_str_from_utf8("armv8");
#elif defined(__arm__)
	return (Object *)rt_str_from_utf8("arm");
#elif defined(__i386__)
	return (Object *)rt_str_from_utf8("x86");
#else
	return (Object *)rt_str_from_utf8("unknown");
#endif
}
/* HOME and USER as Mono's eglib finds them: the environment, else the
 * user's line of /etc/passwd, else "/" and "somebody". */
static Object *user_data(const char *var, int field, const char *fallback)
{
	char buf[256];
	const char *v = getenv(var);
	if (!v) {
		rt_passwd_field(getuid(), field, buf, sizeof buf);
		v = buf[0] ? buf : fallback;
	}
	return (Object *)rt_str_from_utf8(v);
}

Object *rt_Environment_internalGetHome(void)
{
	return user_data("HOME", 5, "/");
}

Object *rt_Environment_get_MachineName(void)
{
	char name[256] = "localhost";
	gethostname(name, sizeof name - 1);
	return (Object *)rt_str_from_utf8(name);
}

Object *rt_Environment_get_UserName(void)
{
	return user_data("USER", 0, "somebody");
}

extern char **environ;

/* The names of the environment's variables, in the environment's order. */
Object *rt_Environment_GetEnvironmentVariableNames(void)
{
	int n = 0;
	for (char **e = environ; *e; e++)
		n += strchr(*e, '=') != NULL;
	RtArray *a = rt_gc_alloc_array(rt_known.string_array, n);
	int i = 0;
	for (char **e = environ; a && *e && i < n; e++) {
		const char *eq = strchr(*e, '=');
		if (!eq)
			continue;
		size_t len = (size_t)(eq - *e);
		char *name = rt_gc_alloc_raw(len + 1, true);
		memcpy(name, *e, len);
		name[len] = 0;
		RtString *s = rt_str_from_utf8(name);
		RT_WRITE_REF(&RT_ARRAY_DATA(a, RtString *)[i++], s);
	}
	return (Object *)a;
}

/* As Mono: a null or empty value removes the variable. */
void rt_Environment_InternalSetEnvironmentVariable(intptr_t name, int32_t name_len, intptr_t value, int32_t value_len)
{
	char *n = rt_str_utf16_to_utf8((const uint16_t *)name, name_len);
	if (!n)
		return;
	if (!value || value_len == 0) {
		unsetenv(n);
		return;
	}
	char *v = rt_str_utf16_to_utf8((const uint16_t *)value, value_len);
	if (v)
		setenv(n, v, 1);
}

/* Mono's machine.config, which only remoting configuration reads. */
Object *rt_Environment_GetMachineConfigPath(void)
{
	return (Object *)rt_str_from_utf8("/etc/mono/4.5/machine.config");
}

/* AppDomain.FriendlyName: Mono names the domain after the program's
 * assembly file, which the compiler writes when this is reached
 * (cgen_reflect.c friendly_name); else the executable's own name. */
extern const char rt_friendly_name[] __attribute__((weak));

Object *rt_AppDomain_getFriendlyName(void)
{
	return (Object *)rt_str_from_utf8(rt_friendly_name ? rt_friendly_name :
					  program_invocation_short_name);
}

/* AppDomainSetup's ApplicationBase (the executable's folder, ending in
 * '/') and ConfigurationFile (its path with ".config"), as Mono's runtime
 * gives them for the main assembly. */
static const char *exe_path(void)
{
	static char path[4096];
	if (!path[0]) {
		ssize_t n = readlink("/proc/self/exe", path, sizeof path - 8);
		if (n <= 0)
			n = snprintf(path, sizeof path - 8, "%s", program_invocation_name);
		path[n] = 0;
	}
	return path;
}

RtString *rt_domain_base(void)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", exe_path());
	char *slash = strrchr(dir, '/');
	if (slash)
		slash[1] = 0;
	else
		strcpy(dir, "./");
	return rt_str_from_utf8(dir);
}

RtString *rt_domain_config(void)
{
	char conf[4200];
	snprintf(conf, sizeof conf, "%s.config", exe_path());
	return rt_str_from_utf8(conf);
}

/* ---- System.Text.Normalization: the tables its managed code reads,
 * generated into the build folder by tools/normtab.cs ---- */
extern const uint8_t rt_norm_props[], rt_norm_combining_class[];
extern const int32_t rt_norm_mapped_chars[];
extern const int16_t rt_norm_char_map_index[], rt_norm_helper_index[];
extern const uint16_t rt_norm_map_idx_to_composite[];

void rt_Normalization_load_normalization_resource(char *props, char *mapped, char *char_map,
						   char *helper, char *composite, char *combining)
{
	*(const void **)props = rt_norm_props;
	*(const void **)mapped = rt_norm_mapped_chars;
	*(const void **)char_map = rt_norm_char_map_index;
	*(const void **)helper = rt_norm_helper_index;
	*(const void **)composite = rt_norm_map_idx_to_composite;
	*(const void **)combining = rt_norm_combining_class;
}

/* ---- System.Security.SecurityManager: no code access security ---- */
bool rt_SecurityManager_get_SecurityEnabled(void) { return false; }

/* ---- Mono.SafeStringMarshal ---- */
intptr_t rt_SafeStringMarshal_StringToUtf8(Object *s)
{
	if (!s)
		return 0;
	char *u = rt_str_to_utf8((RtString *)s);
	size_t n = strlen(u) + 1;
	char *copy = malloc(n);
	memcpy(copy, u, n);
	return (intptr_t)copy;
}

void rt_SafeStringMarshal_GFree(intptr_t p) { free((void *)p); }

/* ---- System.RuntimeType ---- */
const RtType *rt_type_of_runtime_type(Object *rtype)
{
	return *(const RtType **)((char *)rtype + rt_known.type_impl_off);
}

/* "[T,U]": a generic definition's parameters, as ToString writes them */
static size_t definition_params(const RtType *t, char *s, size_t n)
{
	const RtGenericArgs *g = t->flags & RT_T_GENERIC_DEF ? rt_generic_row(t) : NULL;
	size_t len = 0;
	for (uint32_t i = 0; g && i < g->nargs; i++)
		len += (size_t)snprintf(s + len, len < n ? n - len : 0, "%s%s", i ? "," : "[",
					g->args[i]->name);
	if (g && g->nargs)
		len += (size_t)snprintf(s + len, len < n ? n - len : 0, "]");
	return len;
}

/* Descriptor names hold a generic instance's arguments in angle brackets
 * ("List`1<System.Int32>"), but compilers put angle brackets in names too
 * ("<>__AnonType0`2", "<Main>c__Iterator0", "<PrivateImplementationDetails>").
 * A name's own '<' opens a name part (it follows the start, '+', '.', ','
 * or another '<') or sits inside a name's brackets; an argument list's '<'
 * follows a name character. Each '>' closes the innermost '<'. Replaces
 * the brackets of argument lists in `name` by `open` and `close`. */
static void mark_arg_brackets(char *name, char open, char close)
{
	uint64_t own = 0;       /* bit d: the bracket at depth d is a name's */
	int depth = 0;
	char prev = 0;          /* the character before, as it was */
	for (size_t j = 0; name[j]; j++) {
		char c = name[j];
		bool inside = depth > 0 && depth <= 64 && (own >> (depth - 1) & 1);
		if (c == '<') {
			bool mine = !prev || strchr("+.,<", prev) || inside;
			if (depth < 64)
				own = mine ? own | 1ull << depth : own & ~(1ull << depth);
			depth++;
			if (!mine)
				name[j] = open;
		} else if (c == '>' && depth > 0) {
			depth--;
			if (!(depth < 64 && (own >> depth & 1)))
				name[j] = close;
		}
		prev = c;
	}
}

/* "Ns.Name" with the generic arguments as Type.ToString writes them
 * ("List`1[System.Int32]", "List`1[T]") or, for FullName, with their
 * assemblies. */
static Object *type_name_string(const RtType *t, bool full)
{
	const char *name = full && t->full_name ? t->full_name : t->name;
	size_t params = full ? 0 : definition_params(t, NULL, 0);
	size_t n = strlen(t->ns) + strlen(name) + params + 2;
	char *s = rt_gc_alloc_raw(n, true);
	if (!s)
		return NULL;
	if (*t->ns) {
		strcpy(s, t->ns);
		strcat(s, ".");
	}
	char *c = s + strlen(s);
	strcpy(c, name);
	if (!(full && t->full_name))
		mark_arg_brackets(c, '[', ']');
	c += strlen(c);
	if (params)
		definition_params(t, c, params + 1);
	return (Object *)rt_str_from_utf8(s);
}

/* Type.Name: the innermost nested name, without generic arguments:
 * "Dictionary`2+Entry<K,V>[]" gives "Entry[]" */
static Object *short_name_string(const RtType *t)
{
	char *name = rt_gc_alloc_raw(strlen(t->name) + 1, true);
	char *s = rt_gc_alloc_raw(strlen(t->name) + 1, true);
	if (!name || !s)
		return NULL;
	strcpy(name, t->name);
	mark_arg_brackets(name, '\1', '\2');
	size_t n = 0;
	int depth = 0;
	for (const char *c = name; *c; c++) {
		if (*c == '\1')
			depth++;
		else if (*c == '\2')
			depth--;
		else if (depth == 0 && *c == '+')
			n = 0;
		else if (depth == 0)
			s[n++] = *c;
	}
	s[n] = 0;
	return (Object *)rt_str_from_utf8(s);
}

Object *rt_RuntimeTypeHandle_GetAssembly(Object *type);
Object *rt_RuntimeAssembly_get_fullname(Object *a);

/* A generic parameter, or a type built over one (T[], List<T>): Mono
 * gives such types no FullName and no AssemblyQualifiedName. */
static bool open_type(const RtType *t)
{
	while (t->elem && (t->flags & (RT_T_ARRAY | RT_T_BYREF | RT_T_POINTER)))
		t = t->elem;
	if (t->flags & RT_T_GENERIC_PARAM)
		return true;
	for (uint32_t i = 0; !(t->flags & RT_T_GENERIC_DEF) && i < t->nargs; i++)
		if (t->generic_args && open_type(t->generic_args[i]))
			return true;
	return false;
}

/* Type.AssemblyQualifiedName: the full name, then ", " and the assembly's
 * display name (rt_assemblies[], which Type.AssemblyQualifiedName in the
 * program's code turns on; without it the full name alone). */
static Object *qualified(Object *self, Object *full)
{
	Object *as = full ? rt_RuntimeTypeHandle_GetAssembly(self) : NULL;
	if (!as)
		return full;
	char *name = rt_str_to_utf8((RtString *)full);
	char *asm_name = rt_str_to_utf8((RtString *)rt_RuntimeAssembly_get_fullname(as));
	size_t n = strlen(name) + strlen(asm_name) + 3;
	char *s = rt_gc_alloc_raw(n, true);
	if (!s)
		return NULL;
	snprintf(s, n, "%s, %s", name, asm_name);
	return (Object *)rt_str_from_utf8(s);
}

Object *rt_RuntimeType_getFullName(Object *self, bool full_name, bool assembly_qualified)
{
	const RtType *t = rt_type_of_runtime_type(self);
	if (full_name && open_type(t))
		return NULL;
	Object *s = type_name_string(t, full_name);
	return assembly_qualified ? qualified(self, s) : s;
}

Object *rt_RuntimeType_get_FullName(Object *self)
{
	return rt_RuntimeType_getFullName(self, true, false);
}

Object *rt_RuntimeType_ToString(Object *self)
{
	return type_name_string(rt_type_of_runtime_type(self), false);
}

static void throw_with_name(RtExcKind k, const char *before, Object *name_str, const char *after)
{
	char *name = rt_str_to_utf8((RtString *)name_str);
	size_t n = strlen(before) + (name ? strlen(name) : 1) + strlen(after) + 1;
	char *msg = malloc(n);
	if (!msg)
		rt_fatal("out of memory");
	snprintf(msg, n, "%s%s%s", before, name ? name : "?", after);
	rt_exc_throw_msg(k, msg);
	free(msg);
}

void rt_type_throw_about(RtExcKind k, const char *before, const RtType *t, const char *after)
{
	throw_with_name(k, before, type_name_string(t, true), after);
}

void rt_type_throw_about_name(RtExcKind k, const char *before, const RtType *t, const char *after)
{
	throw_with_name(k, before, short_name_string(t), after);
}

Object *rt_type_create_default(Object *rtype, bool public_only, bool *in_ctor)
{
	const RtType *t = rt_type_of_runtime_type(rtype);
	bool constructed = t->nvirt > 0;        /* it has a vtable */
	*in_ctor = false;
	if (t->flags & RT_T_NULLABLE)
		return NULL;
	bool callable = !public_only || !(t->flags & RT_T_CTOR_NONPUBLIC);
	if ((t->flags & RT_T_VALUETYPE) && constructed) {
		/* a struct's own parameterless constructor runs, as Mono's */
		Object *o = rt_gc_alloc(t);
		if (o && t->default_ctor && callable) {
			*in_ctor = true;
			t->default_ctor((Object *)((char *)o + sizeof(Object)));
			return rt_pending ? NULL : o;
		}
		return o;
	}
	if (t->default_ctor && callable) {
		Object *o = rt_gc_alloc(t);
		if (!o)
			return NULL;
		*in_ctor = true;
		t->default_ctor(o);
		return rt_pending ? NULL : o;
	}
	if (callable && ((t->flags & RT_T_HAS_CTOR) || (t->flags & RT_T_VALUETYPE)))
		rt_type_throw_about(RT_EXC_NOTSUPP, "ilcc did not keep the constructor of ", t,
				 ": name the type with typeof at the Activator.CreateInstance call");
	else
		rt_type_throw_about(RT_EXC_MISSINGMETHOD, "Default constructor not found for type ", t, "");
	return NULL;
}

Object *rt_RuntimeType_MakeGenericType(Object *self, Object *args)
{
	const RtType *open = rt_type_of_runtime_type(self);
	RtArray *a = (RtArray *)args;
	if (!a) {
		rt_exc_throw_kind(RT_EXC_ARGNULL);
		return NULL;
	}
	for (uint32_t i = 0; i < rt_nmade_generics; i++) {
		const RtMadeGeneric *m = &rt_made_generics[i];
		if (m->open != open || !rt_reflect_same_types(a, m->args, m->nargs))
			continue;
		if (m->made)
			return type_object(m->made);
		rt_exc_throw_msg(RT_EXC_ARG, "Invalid generic arguments");
		return NULL;
	}
	rt_type_throw_about(RT_EXC_NOTSUPP, "ilcc did not make ", open,
			 " over these arguments ahead of time: MakeGenericType over types the"
			 " build did not see (warning ILCC1003)");
	return NULL;
}

/* The type's ELEMENT_TYPE (ECMA-335 §II.23.1.16), which Type.IsArray,
 * HasElementType, IsPrimitive and the like read. */
/* Type.GetTypeCode (System.TypeCode): enums answer for their underlying
 * type, as in Mono. */
int32_t rt_RuntimeType_GetTypeCodeImplInternal(Object *rtype)
{
	static const char *const codes[] = {
		[2] = "DBNull", [3] = "Boolean", [4] = "Char", [5] = "SByte", [6] = "Byte",
		[7] = "Int16", [8] = "UInt16", [9] = "Int32", [10] = "UInt32", [11] = "Int64",
		[12] = "UInt64", [13] = "Single", [14] = "Double", [15] = "Decimal",
		[16] = "DateTime", [18] = "String",
	};
	if (!rtype)
		return 0;
	const RtType *t = rt_type_of_runtime_type(rtype);
	if ((t->flags & RT_T_ENUM) && t->elem)
		t = t->elem;
	if (!strcmp(t->ns, "System"))
		for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
			if (codes[i] && !strcmp(t->name, codes[i]))
				return (int32_t)i;
	return 1;
}

uint8_t rt_RuntimeTypeHandle_GetCorElementType(Object *rtype)
{
	static const struct { const char *name; uint8_t et; } prims[] = {
		{ "Boolean", 0x02 }, { "Char", 0x03 }, { "SByte", 0x04 }, { "Byte", 0x05 },
		{ "Int16", 0x06 }, { "UInt16", 0x07 }, { "Int32", 0x08 }, { "UInt32", 0x09 },
		{ "Int64", 0x0a }, { "UInt64", 0x0b }, { "Single", 0x0c }, { "Double", 0x0d },
		{ "IntPtr", 0x18 }, { "UIntPtr", 0x19 }, { "Void", 0x01 },
		{ "TypedReference", 0x16 },
	};
	const RtType *t = rt_type_of_runtime_type(rtype);
	if (t->flags & RT_T_BYREF)
		return 0x10;
	if (t->flags & RT_T_POINTER)
		return 0x0f;
	if (t->flags & RT_T_SZARRAY)
		return 0x1d;
	if (t->flags & RT_T_ARRAY)
		return 0x14;
	if (t->flags & RT_T_STRING)
		return 0x0e;
	if (t == rt_known.object)
		return 0x1c;
	if (!strcmp(t->ns, "System"))
		for (size_t i = 0; i < sizeof prims / sizeof *prims; i++)
			if (!strcmp(t->name, prims[i].name))
				return prims[i].et;
	if ((t->flags & RT_T_GENERIC) && !(t->flags & RT_T_GENERIC_DEF))
		return 0x15;
	return (t->flags & RT_T_VALUETYPE) ? 0x11 : 0x12;
}

/* No Type object stands for a generic parameter (GetGenericArguments of a
 * definition is reflection ilcc does not have). */
bool rt_RuntimeTypeHandle_IsGenericVariable(Object *rtype)
{
	return (rt_type_of_runtime_type(rtype)->flags & RT_T_GENERIC_PARAM) != 0;
}

bool rt_RuntimeTypeHandle_IsGenericTypeDefinition(Object *rtype)
{
	return (rt_type_of_runtime_type(rtype)->flags & RT_T_GENERIC_DEF) != 0;
}

bool rt_RuntimeTypeHandle_type_is_assignable_from(Object *to, Object *from)
{
	return rt_type_is_assignable(rt_type_of_runtime_type(to), rt_type_of_runtime_type(from));
}

/* Type.IsSubclassOf: a base class, not the type itself or an interface. */
bool rt_RuntimeTypeHandle_is_subclass_of(intptr_t child, intptr_t parent)
{
	const RtType *c = (const RtType *)child, *p = (const RtType *)parent;
	return c != p && !(p->flags & RT_T_INTERFACE) && rt_type_is_subclass(c, p);
}

/* Type.Attributes: the TypeDef's flags (arrays: a public sealed class,
 * as Mono says). */
int32_t rt_RuntimeTypeHandle_GetAttributes(Object *rtype)
{
	const RtType *t = rt_type_of_runtime_type(rtype);
	return (t->flags & RT_T_ARRAY) ? 0x2101 : (int32_t)t->attrs;
}

bool rt_RuntimeTypeHandle_IsInstanceOfType(Object *rtype, Object *o)
{
	return o && rt_type_isinst(o, rt_type_of_runtime_type(rtype)) != NULL;
}

bool rt_RuntimeTypeHandle_HasInstantiation(Object *rtype)
{
	return (rt_type_of_runtime_type(rtype)->flags & RT_T_GENERIC) != 0;
}

Object *rt_RuntimeType_get_Name(Object *self)
{
	return short_name_string(rt_type_of_runtime_type(self));
}

/* Type.Namespace: a nested type's is its outermost type's (ns holds
 * that already); none is null, as Mono's runtime answers. */
Object *rt_RuntimeType_get_Namespace(Object *self)
{
	const char *ns = rt_type_of_runtime_type(self)->ns;
	return *ns ? (Object *)rt_str_from_utf8(ns) : NULL;
}

/* ---- System.Enum: a boxed enum holds its underlying integer ---- */
static bool signed_kind(uint8_t k)
{
	return k == RT_E_I1 || k == RT_E_I2 || k == RT_E_I4 || k == RT_E_I8 || k == RT_E_I ||
	       k == RT_E_CHAR;
}

/* The value of a boxed enum (or integer), widened to 64 bits. */
static uint64_t enum_bits(Object *o)
{
	const RtType *t = o->type;
	unsigned char *p = (unsigned char *)o + sizeof(Object);
	uint8_t k = (t->flags & RT_T_ENUM) ? t->elem_kind : t->elem_kind;
	switch (t->size) {
	case 1: return signed_kind(k) ? (uint64_t)(int64_t)*(int8_t *)p : *p;
	case 2: return signed_kind(k) ? (uint64_t)(int64_t)*(int16_t *)p : *(uint16_t *)p;
	case 4: return signed_kind(k) ? (uint64_t)(int64_t)*(int32_t *)p : *(uint32_t *)p;
	default: return *(uint64_t *)p;
	}
}

Object *rt_Enum_get_value(Object *self)
{
	const RtType *u = self->type->elem;
	Object *box = rt_gc_alloc(u ? u : self->type);
	if (box)
		memcpy((char *)box + sizeof(Object), (char *)self + sizeof(Object), self->type->size);
	return box;
}

int32_t rt_Enum_InternalCompareTo(Object *a, Object *b)
{
	uint64_t x = enum_bits(a), y = enum_bits(b);
	if (signed_kind(a->type->elem_kind))
		return (int64_t)x < (int64_t)y ? -1 : (int64_t)x > (int64_t)y;
	return x < y ? -1 : x > y;
}

/* The underlying type's GetHashCode: sbyte mixes its value into the
 * second byte, short and char into the upper half, as their own
 * GetHashCode methods do (Mono's Enum.GetHashCode gives the same). */
int32_t rt_Enum_get_hashcode(Object *self)
{
	uint64_t v = enum_bits(self);
	uint32_t lo = (uint32_t)v;
	switch (self->type->elem_kind) {
	case RT_E_I1: return (int32_t)(lo ^ (lo << 8));
	case RT_E_I2: return (int32_t)((lo & 0xffff) | (lo << 16));
	case RT_E_CHAR: return (int32_t)((lo & 0xffff) | ((lo & 0xffff) << 16));
	default: return self->type->size <= 4 ? (int32_t)v : (int32_t)(v ^ (v >> 32));
	}
}

bool rt_Enum_InternalHasFlag(Object *self, Object *flags)
{
	uint64_t f = enum_bits(flags);
	return (enum_bits(self) & f) == f;
}

Object *rt_Enum_InternalGetUnderlyingType(Object *rtype)
{
	const RtType *t = rt_type_of_runtime_type(rtype);
	return type_object(t->elem ? t->elem : t);
}

Object *rt_Enum_InternalBoxEnum(Object *rtype, int64_t value)
{
	const RtType *t = rt_type_of_runtime_type(rtype);
	Object *box = rt_gc_alloc(t);
	if (box)
		memcpy((char *)box + sizeof(Object), &value, t->size);   /* little-endian */
	return box;
}

/* ---- System.Delegate ---- */
Object *rt_Delegate_AllocDelegateLike_internal(Object *d)
{
	return rt_gc_alloc(d->type);
}

/* ---- System.Runtime.InteropServices.GCHandle: slots in chunks made as
 * needed; a handle is its slot's index + 1. Strong handles (Normal,
 * Pinned: Boehm moves nothing) hold their target in the chunk's scanned
 * array; weak ones (Weak, WeakTrackResurrection) in its unscanned part, a
 * weak link (gc.c) that the collector clears when the target dies. Free
 * slots form a list through `next`. ---- */
enum { HANDLE_CHUNK = 1024, HANDLE_CHUNKS = 4096 };   /* up to 4M handles */
enum { H_WEAK, H_WEAK_TRACK, H_NORMAL, H_PINNED };   /* GCHandleType */

typedef struct {
	void *weak;             /* a weak handle's target (a weak link) */
	int32_t next;           /* a free slot: the next free handle, or 0 */
	int8_t type;            /* GCHandleType; -1: free */
} HandleSlot;

typedef struct {
	Object **strong;        /* uncollectable: scanned, never freed */
	HandleSlot *slot;       /* malloc'ed: not scanned */
} HandleChunk;

static HandleChunk handle_chunks[HANDLE_CHUNKS];
static int32_t handle_free;             /* first free handle, or 0 */
static int32_t handle_made;             /* slots made so far */
static pthread_mutex_t handle_lock = PTHREAD_MUTEX_INITIALIZER;

static HandleChunk *handle_chunk(int32_t h) { return &handle_chunks[(h - 1) / HANDLE_CHUNK]; }
static HandleSlot *handle_slot(int32_t h) { return &handle_chunk(h)->slot[(h - 1) % HANDLE_CHUNK]; }
static Object **handle_strong(int32_t h) { return &handle_chunk(h)->strong[(h - 1) % HANDLE_CHUNK]; }
static bool handle_is_weak(int type) { return type == H_WEAK || type == H_WEAK_TRACK; }

/* A handle in use, or 0. */
static int32_t handle_valid(int32_t h)
{
	return h > 0 && h <= __atomic_load_n(&handle_made, __ATOMIC_ACQUIRE) &&
	       handle_slot(h)->type >= 0 ? h : 0;
}

/* A new chunk's slots on the free list; false when out of memory. Under
 * handle_lock. */
static bool handle_grow(void)
{
	if (handle_made >= HANDLE_CHUNK * HANDLE_CHUNKS)
		return false;
	HandleChunk *c = &handle_chunks[handle_made / HANDLE_CHUNK];
	c->slot = malloc(HANDLE_CHUNK * sizeof *c->slot);
	c->strong = rt_gc_alloc_root(HANDLE_CHUNK * sizeof *c->strong);
	if (!c->slot || !c->strong) {
		free(c->slot);
		rt_gc_free_root(c->strong);
		c->slot = NULL;
		c->strong = NULL;
		return false;
	}
	for (int32_t i = HANDLE_CHUNK; i > 0; i--) {
		c->slot[i - 1] = (HandleSlot){ .next = handle_free, .type = -1 };
		handle_free = handle_made + i;
	}
	__atomic_store_n(&handle_made, handle_made + HANDLE_CHUNK, __ATOMIC_RELEASE);
	return true;
}

/* Under handle_lock. */
static void handle_set(int32_t h, Object *target)
{
	HandleSlot *s = handle_slot(h);
	if (handle_is_weak(s->type)) {
		rt_gc_weak_unlink(&s->weak, s->type == H_WEAK_TRACK);
		rt_gc_weak_link(&s->weak, target, s->type == H_WEAK_TRACK);
	} else {
		*handle_strong(h) = target;
	}
}

/* A new handle of `type` for target (handle 0), or handle's target set
 * (type -1). */
int32_t rt_GCHandle_GetTargetHandle(Object *target, int32_t handle, int32_t type)
{
	pthread_mutex_lock(&handle_lock);
	int32_t h = handle;
	if (h <= 0) {
		if (!handle_free && !handle_grow()) {
			pthread_mutex_unlock(&handle_lock);
			rt_gc_throw_oom(NULL);
			return 0;
		}
		h = handle_free;
		handle_free = handle_slot(h)->next;
		handle_slot(h)->type = (int8_t)(type >= H_WEAK && type <= H_PINNED ? type : H_NORMAL);
	} else if (!handle_valid(h)) {
		pthread_mutex_unlock(&handle_lock);
		return h;
	}
	handle_set(h, target);
	pthread_mutex_unlock(&handle_lock);
	return h;
}

Object *rt_GCHandle_GetTarget(int32_t h)
{
	if (!handle_valid(h))
		return NULL;
	HandleSlot *s = handle_slot(h);
	return handle_is_weak(s->type) ? rt_gc_weak_get(&s->weak) : *handle_strong(h);
}

/* one application domain: every handle is in it */
bool rt_GCHandle_CheckCurrentDomain(int32_t h) { return true; }

void rt_GCHandle_FreeHandle(int32_t h)
{
	pthread_mutex_lock(&handle_lock);
	if (handle_valid(h)) {
		HandleSlot *s = handle_slot(h);
		if (handle_is_weak(s->type))
			rt_gc_weak_unlink(&s->weak, s->type == H_WEAK_TRACK);
		*handle_strong(h) = NULL;
		s->type = -1;
		s->next = handle_free;
		handle_free = h;
	}
	pthread_mutex_unlock(&handle_lock);
}

intptr_t rt_GCHandle_GetAddrOfPinnedObject(int32_t h)
{
	Object *o = rt_GCHandle_GetTarget(h);
	if (!o)
		return 0;
	if (o->type->flags & RT_T_ARRAY)
		return (intptr_t)((RtArray *)o)->data;
	if (o->type->flags & RT_T_STRING)
		return (intptr_t)((RtString *)o)->chars;
	return (intptr_t)((char *)o + sizeof(Object));
}

/* ---- string interning: string literals are the first interned strings,
 * looked up only once a program interns. ---- */
static RtString **intern_tab;
static size_t intern_cap, intern_n;
static pthread_mutex_t intern_lock = PTHREAD_MUTEX_INITIALIZER;

static uint32_t str_hash(const RtString *s)
{
	uint32_t h = 2166136261u;
	for (int32_t i = 0; i < s->length; i++)
		h = (h ^ s->chars[i]) * 16777619u;
	return h;
}

static bool str_eq(const RtString *a, const RtString *b)
{
	return a->length == b->length && !memcmp(a->chars, b->chars, 2 * (size_t)a->length);
}

static RtString **intern_slot(const RtString *s)
{
	size_t i = str_hash(s) & (intern_cap - 1);
	while (intern_tab[i] && !str_eq(intern_tab[i], s))
		i = (i + 1) & (intern_cap - 1);
	return &intern_tab[i];
}

static void intern_grow(void)
{
	RtString **old = intern_tab;
	size_t oldcap = intern_cap;
	intern_cap = intern_cap ? 2 * intern_cap : 1024;
	intern_tab = rt_gc_alloc_raw(intern_cap * sizeof *intern_tab, false);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i])
			*intern_slot(old[i]) = old[i];
}

static void intern_add(RtString *s)
{
	if (2 * (intern_n + 1) > intern_cap)
		intern_grow();
	RtString **slot = intern_slot(s);
	if (!*slot) {
		*slot = s;
		intern_n++;
	}
}

static RtString *intern(RtString *s, bool add)
{
	pthread_mutex_lock(&intern_lock);
	if (!intern_tab) {
		intern_grow();
		for (uint32_t i = 0; rt_known.literals[i]; i++)
			intern_add(rt_known.literals[i]);
	}
	RtString *found = *intern_slot(s);
	if (!found && add) {
		intern_add(s);
		found = s;
	}
	pthread_mutex_unlock(&intern_lock);
	return found;
}

Object *rt_String_Intern(Object *s) { return (Object *)intern((RtString *)s, true); }
Object *rt_String_IsInterned(Object *s) { return (Object *)intern((RtString *)s, false); }

/* ---- Interop/Sys (Mono's System.Native, built in) ---- */
int32_t rt_Sys_DoubleToString(double v, intptr_t format, intptr_t buf, int32_t len)
{
	return snprintf((char *)buf, (size_t)len, (const char *)format, v);
}

/* ---- System.Globalization.CompareInfo: without collation tables (no
 * resources ahead of time), strings compare by code unit, as Mono's
 * native comparer does; IgnoreCase folds ASCII letters. ---- */
static uint16_t fold(uint16_t c, bool ignore_case)
{
	return ignore_case && c >= 'A' && c <= 'Z' ? (uint16_t)(c + 32) : c;
}

int32_t rt_CompareInfo_internal_compare_icall(intptr_t a, int32_t na, intptr_t b, int32_t nb,
					      int32_t options)
{
	const uint16_t *x = (const uint16_t *)a, *y = (const uint16_t *)b;
	bool ic = options & 1;          /* CompareOptions.IgnoreCase */
	int32_t n = na < nb ? na : nb;
	for (int32_t i = 0; i < n; i++) {
		uint16_t cx = fold(x[i], ic), cy = fold(y[i], ic);
		if (cx != cy)
			return cx < cy ? -1 : 1;
	}
	return na == nb ? 0 : na < nb ? -1 : 1;
}

/* The values in declaration order; true if they are sorted (unsigned),
 * else the managed caller sorts them, as with Mono. */
bool rt_Enum_GetEnumValuesAndNames(Object *rtype, char *values, char *names)
{
	const RtEnumInfo *e = rt_type_of_runtime_type(rtype)->enum_info;
	uint32_t n = e ? e->n : 0;
	RtArray *v = rt_gc_alloc_array(rt_known.ulong_array, n);
	RtArray *s = v ? rt_gc_alloc_array(rt_known.string_array, n) : NULL;
	if (!s)
		return false;
	bool sorted = true;
	for (uint32_t i = 0; i < n; i++) {
		RT_ARRAY_DATA(v, uint64_t)[i] = e->values[i];
		RT_ARRAY_DATA(s, RtString *)[i] = rt_str_from_utf8(e->names[i]);
		sorted &= i == 0 || e->values[i - 1] <= e->values[i];
	}
	*(Object **)values = (Object *)v;
	*(Object **)names = (Object *)s;
	return sorted;
}

/* ---- System.MathF ---- */
float rt_MathF_Acos(float x) { return acosf(x); }
float rt_MathF_Acosh(float x) { return acoshf(x); }
float rt_MathF_Asin(float x) { return asinf(x); }
float rt_MathF_Asinh(float x) { return asinhf(x); }
float rt_MathF_Atan(float x) { return atanf(x); }
float rt_MathF_Atanh(float x) { return atanhf(x); }
float rt_MathF_Cbrt(float x) { return cbrtf(x); }
float rt_MathF_Ceiling(float x) { return ceilf(x); }
float rt_MathF_Cos(float x) { return cosf(x); }
float rt_MathF_Cosh(float x) { return coshf(x); }
float rt_MathF_Exp(float x) { return expf(x); }
float rt_MathF_Floor(float x) { return floorf(x); }
float rt_MathF_Log(float x) { return logf(x); }
float rt_MathF_Log10(float x) { return log10f(x); }
float rt_MathF_Sin(float x) { return sinf(x); }
float rt_MathF_Sinh(float x) { return sinhf(x); }
float rt_MathF_Tan(float x) { return tanf(x); }
float rt_MathF_Tanh(float x) { return tanhf(x); }
float rt_MathF_Atan2(float y, float x) { return atan2f(y, x); }
float rt_MathF_Pow(float x, float y) { return powf(x, y); }
float rt_MathF_FMod(float x, float y) { return fmodf(x, y); }
float rt_MathF_ModF(float x, intptr_t ip) { return modff(x, (float *)ip); }

/* ---- RNGCryptoServiceProvider: the kernel's random numbers ---- */
/* There is no state: the handle only has to be non-zero. A seed is not
 * needed by getrandom and is ignored (Mono's runtime ignores it too when
 * it reads the kernel's source). */
intptr_t rt_RNG_RngOpen(void) { return 1; }
intptr_t rt_RNG_RngInitialize(intptr_t seed, intptr_t len) { return 1; }
void rt_RNG_RngClose(intptr_t h) {}

intptr_t rt_RNG_RngGetBytes(intptr_t h, intptr_t data, intptr_t len)
{
	uint8_t *p = (uint8_t *)data;
	while (len > 0) {
		ssize_t got = getrandom(p, (size_t)len, 0);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			rt_exc_throw_msg(RT_EXC_INVALIDOP, "Failed to read random bytes.");
			return 0;
		}
		p += got;
		len -= got;
	}
	return h;
}

