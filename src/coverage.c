/* coverage: which public methods of the class library a program could call
 * and still be built (`ilcc coverage ASSEMBLY...`, `make coverage`).
 *
 * Requires: the loader, the type system, reach and emit (the compiler up to
 * the C of each method; no C compiler). Produces: for every public method
 * with a body, of every public type of the given assemblies, one verdict:
 * buildable; refused, with the internal calls it reaches that the runtime
 * lacks (or the one-line error that refused it); ilcc error (a crash or an
 * internal error); or not rooted (a generic whose parameters neither
 * System.Object, System.Int32 nor System.String satisfy). Prints the
 * totals, the missing internal calls by how many methods each blocks, and
 * writes a table per assembly and namespace (--md FILE) and every verdict
 * (--tsv FILE).
 *
 * How: the methods are taken in groups (a namespace of an assembly, cut
 * into chunks); each group is one reachability run with every method of
 * the group as a root, in a child process forked after loading, so a crash
 * costs only its group. reach.c tells every dependency to a listener here
 * (Program.edge), so the run leaves a graph; each root's closure is then
 * replayed over it with the same rapid type analysis (a virtual call
 * reaches the implementations of the types that root itself constructs)
 * and the missing internal calls in that closure are the root's, as are
 * the errors of methods whose C could not be written (caught per method,
 * the run going on). A group whose child still fails (a crash) is halved
 * until the failing method stands alone.
 * Approximation: rules global to a program (reflection, MakeGenericType,
 * generic variance) are not replayed.
 */
#include "coverage.h"
#include "reach.h"
#include "emit/emit.h"
#include "util.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { V_BUILDABLE, V_REFUSED, V_ERROR, V_GENERIC, V_COUNT };
static const char *const verdict_name[V_COUNT] = {
	"buildable", "refused", "error", "not-rooted" };

typedef struct Root {
	Image *img;
	const char *ns;
	Method *m;                      /* NULL: not rooted */
	uint8_t verdict;
	const char *detail;             /* missing internal calls, ';'-separated, or the error */
} Root;

typedef struct Edge { int kind; void *to; } Edge;
typedef VEC(Edge) Edges;

typedef struct CovM {
	Edges out;
	uint32_t mark, slot_mark;
	const char *error;              /* its C could not be written: why */
} CovM;

typedef struct CovT {
	uint32_t cons_mark, stamp;
	VEC(Method *) slots;            /* called slots it owns (this root's) */
	VEC(Type *) cons;               /* constructed types it is an ancestor of */
} CovT;

typedef struct Cov {
	Loader *ld;
	VEC(Root) roots;
	Edges global, *cur;
	/* the replay of one root */
	uint32_t stamp;
	VEC(Method *) work, slots, missing;
	VEC(Type *) arrays;
} Cov;

/* ---- the graph ---- */
static CovM *covm(Method *m)
{
	MethodState *ms = reach_state(m);
	if (!ms->cov)
		ms->cov = arena_alloc(ty_arena(), sizeof(CovM));
	return ms->cov;
}

static CovT *covt(Cov *c, Type *t)
{
	TypeState *ts = reach_tstate(t);
	if (!ts->cov)
		ts->cov = arena_alloc(ty_arena(), sizeof(CovT));
	CovT *ct = ts->cov;
	if (ct->stamp != c->stamp)
		ct->stamp = c->stamp, ct->slots.n = 0, ct->cons.n = 0;
	return ct;
}

static void on_edge(Program *p, Method *from, int kind, void *to)
{
	Cov *c = p->edge_ctx;
	Edges *v = from ? &covm(from)->out : c->cur ? c->cur : &c->global;
	if (v->n && v->v[v->n - 1].kind == kind && v->v[v->n - 1].to == to)
		return;
	VEC_PUSH(*v, ((Edge){ kind, to }));
}

/* ---- replaying one root's closure ---- */
static void visit(Cov *c, Method *m)
{
	CovM *cm = covm(m);
	if (cm->mark == c->stamp)
		return;
	cm->mark = c->stamp;
	VEC_PUSH(c->work, m);
}

static bool applies(Type *t, Method *s)
{
	if (ty_info(s->owner)->is_interface)
		return ty_implements(t, s->owner);
	return ty_is_subclass(t->img ? t : ty_array, s->owner);
}

static void impl(Cov *c, Type *t, Method *s)
{
	Method *i = ty_resolve_virtual(t, s);
	if (i)
		visit(c, i);
}

static void call_slot(Cov *c, Method *s)
{
	CovM *cm = covm(s);
	if (cm->slot_mark == c->stamp || !s->owner->img)
		return;
	cm->slot_mark = c->stamp;
	VEC_PUSH(c->slots, s);
	CovT *ot = covt(c, s->owner);
	VEC_PUSH(ot->slots, s);
	for (uint32_t i = 0; i < ot->cons.n; i++)
		impl(c, ot->cons.v[i], s);
	for (uint32_t i = 0; i < c->arrays.n; i++)
		if (applies(c->arrays.v[i], s))
			impl(c, c->arrays.v[i], s);
}

/* t is constructed: it is an instance of each of its ancestors. */
static void ancestor(Cov *c, Type *t, Type *a)
{
	CovT *at = covt(c, a);
	VEC_PUSH(at->cons, t);
	for (uint32_t i = 0; i < at->slots.n; i++)
		impl(c, t, at->slots.v[i]);
}

static void construct(Cov *c, Type *t)
{
	CovT *ct = covt(c, t);
	if (ct->cons_mark == c->stamp)
		return;
	ct->cons_mark = c->stamp;
	if (!t->img) {          /* arrays: checked against every slot */
		VEC_PUSH(c->arrays, t);
		for (uint32_t i = 0; i < c->slots.n; i++)
			if (applies(t, c->slots.v[i]))
				impl(c, t, c->slots.v[i]);
		return;
	}
	TypeInfo *ti = ty_info(t);
	if (ti->finalizer)
		visit(c, ti->finalizer);
	for (Type *a = t; a; a = a->img ? ty_info(a)->base : NULL)
		ancestor(c, t, a);
	for (uint32_t i = 0; i < ti->nifaces; i++)
		ancestor(c, t, ti->ifaces[i]);
}

static void follow(Cov *c, const Edges *e)
{
	for (uint32_t i = 0; i < e->n; i++) {
		Edge d = e->v[i];
		Type *t = d.to;
		switch (d.kind) {
		case EDGE_CALL: visit(c, d.to); break;
		case EDGE_VCALL: call_slot(c, d.to); break;
		case EDGE_STATICS:
			if (t->img && ty_info(t)->cctor)
				visit(c, ty_info(t)->cctor);
			break;
		case EDGE_CONSTRUCTED: construct(c, t); break;
		}
	}
}

/* The missing internal calls root k reaches, ';'-separated, or "". */
static const char *replay(Cov *c, const Edges *root)
{
	c->stamp++;
	c->work.n = c->slots.n = c->missing.n = c->arrays.n = 0;
	follow(c, &c->global);
	follow(c, root);
	for (uint32_t w = 0; w < c->work.n; w++) {
		Method *m = c->work.v[w];
		MethodState *ms = reach_state(m);
		if (ms->reason && (ms->kind == BK_MISSING || covm(m)->error))
			VEC_PUSH(c->missing, m);
		follow(c, &covm(m)->out);
	}
	Buf b = {0};
	for (uint32_t i = 0; i < c->missing.n; i++) {
		const char *err = covm(c->missing.v[i])->error;
		buf_printf(&b, "%s%s", i ? ";" : "", err ? err : reach_icall_key(c->missing.v[i]));
	}
	const char *s = arena_strdup(ty_arena(), b.s ? b.s : "");
	buf_free(&b);
	return s;
}

/* ---- one group, in a child process ---- */
/* What a program calling m needs: an instance of its type (unless it is
 * static or abstract), the method, and the virtual call. */
static void add_root(Program *p, Method *m)
{
	Type *t = m->owner;
	TypeInfo *ti = ty_info(t);
	bool instance = !(m->flags & MF_STATIC);
	if (instance && !ti->is_interface && !ti->is_abstract && !ty_is_valuetype(t))
		reach_type(p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, NULL);
	reach_method(p, m, NULL, "coverage root");
	if (m->flags & MF_VIRTUAL)
		reach_vcall(p, m, NULL);
}

/* reach_run, where a method whose C cannot be written (a fatal error:
 * an unsupported feature, or an internal error) is marked with the
 * message and the run goes on: the roots that reach it are refused with
 * it, the others keep their verdicts (what it reached before it failed
 * stays reached: more, never less). */
static void emit_all(Program *p)
{
	diag_quiet = true;
	while (p->next_work < p->methods.n) {
		Method *m = p->methods.v[p->next_work++];
		jmp_buf jb;
		if (diag_try(&jb) == 0)
			emit_method(p, m);
		else
			covm(m)->error = arena_printf(ty_arena(), "%s: %s",
				strstr(diag_last, "internal error") ? "error" : "refused",
				diag_last);
		diag_end();
	}
}

static void run_group(Cov *c, const uint32_t *idx, uint32_t n, FILE *out)
{
	Program p;
	reach_init(&p, c->ld, c->roots.v[idx[0]].img);
	p.allow_missing_icalls = true;
	p.edge = on_edge;
	p.edge_ctx = c;
	emit_roots(&p);
	Edges *own = calloc(n, sizeof *own);
	for (uint32_t k = 0; k < n; k++) {
		c->cur = &own[k];
		add_root(&p, c->roots.v[idx[k]].m);
		c->cur = NULL;
	}
	emit_all(&p);
	for (uint32_t k = 0; k < n; k++)
		fprintf(out, "%u\t%s\n", idx[k], replay(c, &own[k]));
}

/* The last line the child wrote on its standard error. */
static const char *last_line(FILE *err)
{
	char line[1024], last[1024] = "";
	rewind(err);
	while (fgets(line, sizeof line, err))
		if (line[0] != ' ')
			strcpy(last, line);
	last[strcspn(last, "\n")] = 0;
	return arena_strdup(ty_arena(), last);
}

static void read_results(Cov *c, FILE *out)
{
	char *line = NULL;
	size_t cap = 0;
	rewind(out);
	while (getline(&line, &cap, out) > 0) {
		line[strcspn(line, "\n")] = 0;
		char *tab = strchr(line, '\t');
		if (!tab)
			continue;
		Root *r = &c->roots.v[strtoul(line, NULL, 10)];
		r->verdict = !tab[1] ? V_BUILDABLE : strstr(tab + 1, "error: ") ? V_ERROR : V_REFUSED;
		r->detail = arena_strdup(ty_arena(), tab + 1);
	}
	free(line);
}

/* A group the child could not finish: halve it, down to the method. */
static void run_groups(Cov *c, uint32_t *idx, uint32_t n);

static void failed(Cov *c, uint32_t *idx, uint32_t n, int status, FILE *err)
{
	if (n > 1) {
		run_groups(c, idx, n / 2);
		run_groups(c, idx + n / 2, n - n / 2);
		return;
	}
	Root *r = &c->roots.v[idx[0]];
	const char *msg = last_line(err);
	bool crash = WIFSIGNALED(status) || strstr(msg, "internal error") || !*msg;
	r->verdict = crash ? V_ERROR : V_REFUSED;
	r->detail = WIFSIGNALED(status) ? arena_printf(ty_arena(), "signal %d", WTERMSIG(status)) :
		    *msg ? msg : "no message";
}

/* A group's child process, running. */
typedef struct Child {
	pid_t pid;
	uint32_t *idx, n;
	FILE *out, *err;
	double start;
} Child;

static Child start_group(Cov *c, uint32_t *idx, uint32_t n)
{
	Child ch = { .idx = idx, .n = n, .out = tmpfile(), .err = tmpfile(), .start = now_ms() };
	if (!ch.out || !ch.err)
		fatal_env("coverage: cannot make a temporary file: %s", strerror(errno));
	fflush(stdout);
	fflush(stderr);
	ch.pid = fork();
	if (ch.pid < 0)
		fatal_env("coverage: fork: %s", strerror(errno));
	if (ch.pid == 0) {
		dup2(fileno(ch.err), 2);
		alarm(1800);
		run_group(c, idx, n, ch.out);
		fflush(ch.out);
		_exit(0);
	}
	return ch;
}

static void finish_group(Cov *c, Child *ch, int status)
{
	Root *first = &c->roots.v[ch->idx[0]];
	note("coverage: %s %s: %u methods, %.0f ms%s", first->img->name, first->ns, ch->n,
	     now_ms() - ch->start, WIFEXITED(status) && !WEXITSTATUS(status) ? "" : ", failed");
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		read_results(c, ch->out);
	else
		failed(c, ch->idx, ch->n, status, ch->err);
	fclose(ch->out);
	fclose(ch->err);
}

static int wait_child(pid_t pid)
{
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

static void run_groups(Cov *c, uint32_t *idx, uint32_t n)
{
	Child ch = start_group(c, idx, n);
	finish_group(c, &ch, wait_child(ch.pid));
}

/* The top-level groups, `jobs` children at a time. */
static void run_all(Cov *c, uint32_t **groups, uint32_t *sizes, uint32_t ngroups,
		    uint32_t jobs, bool quiet)
{
	Child *running = calloc(jobs, sizeof *running);
	uint32_t next = 0, nrun = 0, done = 0;
	while (done < ngroups) {
		while (nrun < jobs && next < ngroups) {
			running[nrun++] = start_group(c, groups[next], sizes[next]);
			next++;
		}
		int status;
		pid_t pid = waitpid(-1, &status, 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			fatal_env("coverage: wait: %s", strerror(errno));
		}
		for (uint32_t i = 0; i < nrun; i++)
			if (running[i].pid == pid) {
				Child ch = running[i];
				running[i] = running[--nrun];
				finish_group(c, &ch, status);
				done++;
				if (!quiet)
					fprintf(stderr, "\rcoverage: %u of %u groups\033[K", done, ngroups);
				break;
			}
	}
	if (!quiet)
		fputs("\r\033[K", stderr);
	free(running);
}

/* ---- the roots ---- */
static bool type_visible(Image *img, uint32_t row)
{
	uint32_t vis = md_get(img, T_TypeDef, row, TypeDef_Flags) & 7;
	if (vis == 1)
		return true;
	return vis == 2 && type_visible(img, md_enclosing(img, row));
}

/* The first constraint of generic parameter gp when it is a closed,
 * non-abstract class: a candidate argument. */
static Type *constraint_class(Image *img, uint32_t gp, const Ctx *ctx)
{
	uint32_t first, end;
	md_lookup(img, T_GenericParamConstraint, GenericParamConstraint_Owner, gp, &first, &end);
	if (first == end)
		return NULL;
	uint32_t r = md_lookup_row(img, T_GenericParamConstraint, GenericParamConstraint_Owner, first);
	Type *t = ty_from_token(img, md_get(img, T_GenericParamConstraint, r,
					     GenericParamConstraint_Constraint), ctx);
	if (t->kind != TY_CLASS || ty_is_open(t) || ty_info(t)->is_interface)
		return NULL;
	return t;
}

/* Arguments for owner's generic parameters (a TypeDef or MethodDef
 * token): for each, the first of its class constraint, object, int,
 * string that satisfies its
 * constraints, given the others chosen so far. False: none does. */
static bool choose_args(Image *img, Token owner, Type **args, uint32_t n, Ctx *ctx,
			bool method)
{
	Type *cands[] = { NULL, ty_object, ty_prim[TY_I4], ty_string };
	uint32_t first, end;
	md_lookup(img, T_GenericParam, GenericParam_Owner, owner, &first, &end);
	for (uint32_t i = 0; i < n; i++)
		args[i] = ty_object;
	for (uint32_t i = 0; i < n && first + i < end; i++) {
		uint32_t gp = md_lookup_row(img, T_GenericParam, GenericParam_Owner, first + i);
		uint32_t num = md_get(img, T_GenericParam, gp, GenericParam_Number);
		cands[0] = constraint_class(img, gp, ctx);
		size_t k = cands[0] ? 0 : 1;
		while (k < countof(cands)) {
			args[num < n ? num : i] = cands[k];
			if (ty_satisfies(img, gp, cands[k], ctx))
				break;
			k++;
		}
		if (k == countof(cands))
			return false;
	}
	(void)method;
	return true;
}

static Type *root_type(Image *img, uint32_t row)
{
	Type *open = ty_def(img, row, NULL, 0);
	uint32_t n = ty_generic_arity(open);
	if (!n)
		return open;
	Type **args = arena_alloc(ty_arena(), n * sizeof *args);
	Ctx ctx = { .tinst = args, .ntinst = n };
	if (!choose_args(img, TOKEN(T_TypeDef, row), args, n, &ctx, false))
		return NULL;
	return ty_def(img, row, args, n);
}

static Method *root_method(Type *t, Image *img, uint32_t mrow)
{
	Method *open = ty_method(t, img, mrow, NULL, 0);
	uint32_t n = ty_method_generic_arity(open);
	if (!n)
		return open;
	Type **args = arena_alloc(ty_arena(), n * sizeof *args);
	Ctx ctx = { .tinst = t->inst, .ntinst = t->ninst, .minst = args, .nminst = n };
	if (!choose_args(img, TOKEN(T_MethodDef, mrow), args, n, &ctx, true))
		return NULL;
	return ty_method(t, img, mrow, args, n);
}

static void add_type_roots(Cov *c, Image *img, uint32_t row)
{
	const char *ns = md_string(img, md_get(img, T_TypeDef, row, TypeDef_Namespace));
	for (uint32_t e = row; !*ns && md_enclosing(img, e); )
		e = md_enclosing(img, e), ns = md_string(img, md_get(img, T_TypeDef, e, TypeDef_Namespace));
	Type *t = root_type(img, row);
	uint32_t first, end;
	md_list(img, T_TypeDef, row, TypeDef_MethodList, &first, &end);
	for (uint32_t i = first; i < end; i++) {
		uint32_t mrow = md_list_row(img, T_MethodDef, i);
		uint32_t flags = md_get(img, T_MethodDef, mrow, MethodDef_Flags);
		if ((flags & MF_ACCESS) != MF_PUBLIC || (flags & MF_ABSTRACT))
			continue;
		Root r = { .img = img, .ns = *ns ? ns : "(global)" };
		r.m = t ? root_method(t, img, mrow) : NULL;
		if (!r.m)
			r.verdict = V_GENERIC, r.detail = arena_printf(ty_arena(),
				"%s%s%s::%s: generic constraints", ns, *ns ? "." : "",
				md_string(img, md_get(img, T_TypeDef, row, TypeDef_Name)),
				md_string(img, md_get(img, T_MethodDef, mrow, MethodDef_Name)));
		VEC_PUSH(c->roots, r);
	}
}

static void add_roots(Cov *c, Image *img)
{
	for (uint32_t row = 2; row <= md_rows(img, T_TypeDef); row++)
		if (type_visible(img, row))
			add_type_roots(c, img, row);
}

/* ---- report ---- */
typedef struct Count { const char *key; uint32_t n[V_COUNT]; } Count;
typedef VEC(Count) Counts;

static Count *count_of(Counts *v, const char *key)
{
	for (uint32_t i = 0; i < v->n; i++)
		if (!strcmp(v->v[i].key, key))
			return &v->v[i];
	VEC_PUSH(*v, ((Count){ .key = key }));
	return &v->v[v->n - 1];
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const Count *)a)->key, ((const Count *)b)->key);
}

static int by_blocked(const void *a, const void *b)
{
	const Count *x = a, *y = b;
	if (x->n[0] != y->n[0])
		return x->n[0] < y->n[0] ? 1 : -1;
	return strcmp(x->key, y->key);
}

static uint32_t total(const Count *k)
{
	return k->n[0] + k->n[1] + k->n[2] + k->n[3];
}

static void row(Buf *b, const char *name, const Count *k)
{
	uint32_t t = total(k);
	buf_printf(b, "| %s | %u | %u | %u | %u | %u | %.1f%% |\n", name, t, k->n[V_BUILDABLE],
		   k->n[V_REFUSED], k->n[V_ERROR], k->n[V_GENERIC],
		   t ? 100.0 * k->n[V_BUILDABLE] / t : 0.0);
}

/* Every missing internal call, with how many methods it blocks (n[0]). */
static void blockers(Cov *c, Counts *v)
{
	for (uint32_t i = 0; i < c->roots.n; i++) {
		Root *r = &c->roots.v[i];
		if (r->verdict != V_REFUSED || !r->detail)
			continue;
		const char *s = r->detail;
		while (*s) {
			size_t len = strcspn(s, ";");
			char *key = arena_printf(ty_arena(), "%.*s", (int)len, s);
			count_of(v, key)->n[0]++;
			s += len + (s[len] == ';');
		}
	}
	qsort(v->v, v->n, sizeof *v->v, by_blocked);
}

static void report(Cov *c, const char *md, const char *tsv, unsigned top)
{
	Counts asm_ = {0}, ns = {0}, miss = {0};
	Count all = { .key = "all" };
	for (uint32_t i = 0; i < c->roots.n; i++) {
		Root *r = &c->roots.v[i];
		count_of(&asm_, r->img->name)->n[r->verdict]++;
		count_of(&ns, arena_printf(ty_arena(), "%s | %s", r->img->name, r->ns))->n[r->verdict]++;
		all.n[r->verdict]++;
	}
	qsort(ns.v, ns.n, sizeof *ns.v, by_key);
	blockers(c, &miss);
	Buf b = {0};
	buf_puts(&b, "| assembly | methods | buildable | refused | error | not rooted | buildable % |\n"
		     "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
	for (uint32_t i = 0; i < asm_.n; i++)
		row(&b, asm_.v[i].key, &asm_.v[i]);
	row(&b, "**all**", &all);
	buf_printf(&b, "\nMissing internal calls by the number of public methods each blocks (top %u of %u):\n\n"
		       "| internal call | methods |\n| --- | ---: |\n", top, miss.n);
	for (uint32_t i = 0; i < miss.n && i < top; i++)
		buf_printf(&b, "| `%s` | %u |\n", miss.v[i].key, miss.v[i].n[0]);
	fputs(b.s, stdout);
	buf_puts(&b, "\nPer namespace:\n\n| assembly | namespace | methods | buildable | refused | error |"
		     " not rooted | buildable % |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
	for (uint32_t i = 0; i < ns.n; i++)
		row(&b, ns.v[i].key, &ns.v[i]);
	if (md && !write_file_atomic(md, b.s, b.len))
		fatal_env("%s: cannot write: %s", md, strerror(errno));
	buf_free(&b);
	if (!tsv)
		return;
	Buf t = {0};
	for (uint32_t i = 0; i < c->roots.n; i++) {
		Root *r = &c->roots.v[i];
		buf_printf(&t, "%s\t%s\t%s\t%s\n", r->img->name,
			   r->m ? ty_method_name(r->m) : "(generic)", verdict_name[r->verdict],
			   r->detail ? r->detail : "");
	}
	if (!write_file_atomic(tsv, t.s, t.len))
		fatal_env("%s: cannot write: %s", tsv, strerror(errno));
	buf_free(&t);
}

/* ---- driver ---- */
static Cov *sorting;

/* Roots by assembly (in the order given), then namespace, then where
 * they were found. */
static int by_namespace(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	Root *r = &sorting->roots.v[x], *q = &sorting->roots.v[y];
	if (r->img != q->img)
		return x < y ? -1 : 1;
	int c = strcmp(r->ns, q->ns);
	return c ? c : x < y ? -1 : x > y;
}

int coverage_run(Loader *ld, const CoverageOptions *o)
{
	Cov c = { .ld = ld };
	Image *corlib = NULL;
	Image **imgs = arena_alloc(&ld->arena, o->nfiles * sizeof *imgs);
	for (uint32_t i = 0; i < o->nfiles; i++) {
		imgs[i] = ld_open(ld, o->files[i]);
		if (!strcmp(imgs[i]->name, "mscorlib"))
			corlib = imgs[i];
	}
	for (uint32_t i = 0; !corlib && i < ld->ndirs; i++) {
		const char *path = path_join(&ld->arena, ld->dirs[i], "mscorlib.dll");
		if (access(path, R_OK) == 0)
			corlib = ld_open(ld, path);
	}
	if (!corlib)
		fatal("coverage: cannot find mscorlib.dll (give -L DIR)");
	ty_init(ld, corlib);
	for (uint32_t i = 0; i < o->nfiles; i++)
		add_roots(&c, imgs[i]);
	signal(SIGPIPE, SIG_IGN);
	/* groups: the rooted methods of one namespace of one assembly (the
	 * types of a namespace are not together in the TypeDef table) */
	uint32_t *idx = malloc((c.roots.n + 1) * sizeof *idx), n = 0, ngroups = 0;
	uint32_t **groups = malloc((c.roots.n + 1) * sizeof *groups);
	uint32_t *sizes = malloc((c.roots.n + 1) * sizeof *sizes);
	uint32_t *order = malloc((c.roots.n + 1) * sizeof *order);
	for (uint32_t i = 0; i < c.roots.n; i++)
		order[i] = i;
	sorting = &c;
	qsort(order, c.roots.n, sizeof *order, by_namespace);
	for (uint32_t k = 0; k < c.roots.n; k++) {
		uint32_t i = order[k];
		Root *r = &c.roots.v[i];
		if (!r->m)
			continue;
		Root *prev = n ? &c.roots.v[idx[n - 1]] : NULL;
		if (!prev || sizes[ngroups - 1] == o->group || r->img != prev->img ||
		    strcmp(r->ns, prev->ns)) {
			groups[ngroups] = idx + n;
			sizes[ngroups++] = 0;
		}
		idx[n++] = i;
		sizes[ngroups - 1]++;
	}
	run_all(&c, groups, sizes, ngroups, o->jobs ? o->jobs : 1, o->quiet);
	free(idx);
	free(groups);
	free(sizes);
	free(order);
	report(&c, o->md, o->tsv, o->top);
	return 0;
}
