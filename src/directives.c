/* directives: see directives.h. */
#include "directives.h"
#include "xml.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* What a directive keeps of a type. */
enum {
	K_CTORS = 1, K_METHODS = 2, K_PROPS = 4, K_FIELDS = 8,
	K_PUBLIC = 16,                  /* public members only */
	K_EVENTS = 32,
	K_ALL = K_CTORS | K_METHODS | K_PROPS | K_FIELDS | K_EVENTS,
};

typedef struct Dir {
	Program *p;
	const char *path;
	Image *asm_;                    /* inside <Assembly>/<assembly> */
	const XmlNode *at;              /* for messages */
	Method *why;                    /* [DynamicDependency]: the method it is on */
	bool quiet;                     /* no warnings (the class library's attributes) */
} Dir;

static void warn(Dir *c, const XmlNode *n, const char *fmt, const char *arg)
{
	if (c->quiet)
		return;
	if (c->why)
		fprintf(stderr, "ilcc: warning: %s: method %s: [DynamicDependency]: ",
			c->why->img->path, ty_method_name(c->why));
	else
		fprintf(stderr, "ilcc: warning: %s:%u:%u: ", c->path, n->line, n->col);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
}

static const char *reason(Dir *c, const XmlNode *n)
{
	if (c->why && c->path)
		return arena_printf(ty_arena(), "kept by %s", c->path);
	if (c->why)
		return "kept by [DynamicDependency]";
	if (!n)
		return arena_printf(ty_arena(), "kept by %s", c->path);
	return arena_printf(ty_arena(), "kept by %s:%u", c->path, n->line);
}

/* ---- names ---- */
/* The CLR names of the primitives, as signatures in directives write them. */
static const char *const clr_prim[TY_KIND_COUNT] = {
	[TY_VOID] = "System.Void", [TY_BOOL] = "System.Boolean", [TY_CHAR] = "System.Char",
	[TY_I1] = "System.SByte", [TY_U1] = "System.Byte", [TY_I2] = "System.Int16",
	[TY_U2] = "System.UInt16", [TY_I4] = "System.Int32", [TY_U4] = "System.UInt32",
	[TY_I8] = "System.Int64", [TY_U8] = "System.UInt64", [TY_R4] = "System.Single",
	[TY_R8] = "System.Double", [TY_I] = "System.IntPtr", [TY_U] = "System.UIntPtr",
};

static const char *clr_name(Type *t)
{
	if (t == ty_string)
		return "System.String";
	if (t == ty_object)
		return "System.Object";
	if (t->kind < TY_KIND_COUNT && clr_prim[t->kind] && t->kind <= TY_U)
		return clr_prim[t->kind];
	return t->name;
}

/* A TypeDef of img by "Ns.Name", nested ones as "Ns.Outer+Inner" (or '/'). */
static uint32_t find_def(Image *img, const char *full)
{
	const char *sep = strpbrk(full, "+/");
	const char *outer = sep ? arena_printf(ty_arena(), "%.*s", (int)(sep - full), full) : full;
	const char *dot = strrchr(outer, '.');
	const char *ns = dot ? arena_printf(ty_arena(), "%.*s", (int)(dot - outer), outer) : "";
	uint32_t row = ld_find_type(img, ns, dot ? dot + 1 : outer);
	while (row && sep) {
		const char *name = sep + 1;
		sep = strpbrk(name, "+/");
		size_t len = sep ? (size_t)(sep - name) : strlen(name);
		uint32_t found = 0;
		for (uint32_t r = 1; r <= md_rows(img, T_NestedClass) && !found; r++) {
			if (md_get(img, T_NestedClass, r, NestedClass_EnclosingClass) != row)
				continue;
			uint32_t inner = md_get(img, T_NestedClass, r, NestedClass_NestedClass);
			const char *n = md_string(img, md_get(img, T_TypeDef, inner, TypeDef_Name));
			if (strlen(n) == len && !memcmp(n, name, len))
				found = inner;
		}
		row = found;
	}
	return row;
}

/* The assembly of that name: loaded, or found beside the program or in the
 * loader's folders. */
static Image *find_assembly(Dir *c, const char *name)
{
	Loader *ld = c->p->ld;
	for (uint32_t i = 0; i < ld->nimages; i++)
		if (!strcmp(ld->images[i]->name, name))
			return ld->images[i];
	const char *in = c->p->img->path, *slash = strrchr(in, '/');
	const char *home = slash ? arena_printf(ty_arena(), "%.*s", (int)(slash - in), in) : ".";
	for (uint32_t i = 0; i <= ld->ndirs; i++) {
		const char *dir = i ? ld->dirs[i - 1] : home;
		const char *exts[] = { "dll", "exe" };
		for (unsigned k = 0; k < countof(exts); k++) {
			const char *path = arena_printf(ty_arena(), "%s/%s.%s", dir, name, exts[k]);
			if (access(path, R_OK) == 0)
				return ld_open(ld, path);
		}
	}
	return NULL;
}

/* A type by full name: in the <Assembly> being read, else in any loaded
 * assembly. */
static Type *find_type(Dir *c, const char *full);

/* The first `want` outside brackets in s ('[' itself: the first
 * bracket), or NULL. */
static const char *top_level(const char *s, char want)
{
	int depth = 0;
	for (; *s; s++) {
		if (*s == want && !depth)
			return s;
		if (*s == '[')
			depth++;
		else if (*s == ']')
			depth--;
	}
	return NULL;
}

/* "G`1[[A, asm],[B, asm]]" or "G`1[A,B]": G's instance over its
 * arguments, each found by find_type (NULL if one is not). */
static Type *find_instance(Dir *c, const char *full)
{
	const char *open = top_level(full, '[');
	Type *g = find_type(c, arena_printf(ty_arena(), "%.*s", (int)(open - full), full));
	Type *args[16];
	uint32_t n = 0;
	const char *s = open + 1;
	while (g && n < 16 && *s && *s != ']') {
		bool wrapped = *s == '[';
		const char *end = wrapped ? top_level(s + 1, ']') : top_level(s, ',');
		if (!wrapped && (!end || top_level(s, ']') < end))
			end = top_level(s, ']');
		if (!end)
			return NULL;
		const char *from = s + wrapped;
		if (!(args[n++] = find_type(c, arena_printf(ty_arena(), "%.*s", (int)(end - from), from))))
			return NULL;
		s = end + wrapped;
		s += *s == ',';
		while (*s == ' ')
			s++;
	}
	if (!g || !n || n != ty_generic_arity(g))
		return NULL;
	Type **inst = arena_alloc(ty_arena(), n * sizeof *inst);
	memcpy(inst, args, n * sizeof *inst);
	return ty_def(g->img, g->row, inst, n);
}

static Type *find_type(Dir *c, const char *full)
{
	const char *open = top_level(full, '[');
	const char *comma = top_level(full, ',');   /* "Ns.T, Assembly" */
	if (open && (!comma || open < comma) && open[1] != ']' && open[1] != ',')
		return find_instance(c, arena_printf(ty_arena(), "%.*s", comma ? (int)(comma - full) :
						     (int)strlen(full), full));
	Image *only = c->asm_;
	if (comma) {
		const char *an = comma + 1;
		while (*an == ' ')
			an++;
		only = find_assembly(c, arena_printf(ty_arena(), "%.*s", (int)strcspn(an, ", "), an));
		full = arena_printf(ty_arena(), "%.*s", (int)(comma - full), full);
		if (!only)
			return NULL;
	}
	Loader *ld = c->p->ld;
	for (uint32_t i = 0; i < (only ? 1 : ld->nimages); i++) {
		Image *img = only ? only : ld->images[i];
		uint32_t row = find_def(img, full);
		if (row)
			return ty_def(img, row, NULL, 0);
	}
	return NULL;
}

Type *directives_find_type(Program *p, const char *name)
{
	Dir c = { .p = p };
	return find_type(&c, name);
}

/* ---- keeping ---- */
static bool wanted(Method *m, unsigned keep)
{
	return !(keep & K_PUBLIC) || (m->flags & MF_ACCESS) == MF_PUBLIC;
}

static void keep_method(Dir *c, const XmlNode *n, Method *m)
{
	if (ty_method_generic_arity(m) || (m->flags & MF_ABSTRACT) || !strcmp(m->name, ".cctor")) {
		reach_reflect_method(c->p, m, c->why);  /* described, not compiled */
		return;
	}
	if (m->owner == ty_string && !strcmp(m->name, ".ctor")) {
		reach_reflect_method(c->p, m, c->why);  /* its String::Ctor is compiled */
		return;
	}
	reach_method(c->p, m, c->why, reason(c, n));
	reach_reflect_method(c->p, m, c->why);
}

static void keep_properties(Dir *c, Type *t, const char *only, unsigned keep)
{
	uint32_t map = md_lookup1(t->img, T_PropertyMap, PropertyMap_Parent, t->row);
	if (!map)
		return;
	uint32_t first, end;
	md_list(t->img, T_PropertyMap, map, PropertyMap_PropertyList, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t row = md_list_row(t->img, T_Property, pos);
		const char *n = md_string(t->img, md_get(t->img, T_Property, row, Property_Name));
		if (!only || !strcmp(n, only))
			reach_reflect_property(c->p, t, row, c->why);
	}
	(void)keep;
}

static void keep_events(Dir *c, Type *t)
{
	uint32_t map = md_lookup1(t->img, T_EventMap, EventMap_Parent, t->row);
	uint32_t first = 0, end = 0;
	if (map)
		md_list(t->img, T_EventMap, map, EventMap_EventList, &first, &end);
	for (uint32_t pos = first; pos < end; pos++)
		reach_reflect_event(c->p, t, md_list_row(t->img, T_Event, pos), c->why);
}

/* t's fields named `only` (any, if NULL), constants too, found by
 * reflection; false if there is none. */
static bool keep_fields(Dir *c, Type *t, const char *only, unsigned keep)
{
	TypeInfo *ti = ty_info(t);
	Field **lists[] = { ti->fields, ti->statics, ti->literals };
	uint32_t counts[] = { ti->nfields, ti->nstatics, ti->nliterals };
	bool found = false;
	for (int k = 0; k < 3; k++)
		for (uint32_t i = 0; i < counts[k]; i++) {
			Field *f = lists[k][i];
			if ((only && strcmp(f->name, only)) ||
			    ((keep & K_PUBLIC) && (f->flags & MF_ACCESS) != MF_PUBLIC))
				continue;
			reach_reflect_field(c->p, f, c->why);
			found = true;
		}
	return found;
}

static bool concrete(Type *t)
{
	TypeInfo *ti = ty_info(t);
	return !ti->is_interface && !ti->is_abstract;
}

static void keep_type(Dir *c, const XmlNode *n, Type *t, unsigned keep)
{
	if (ty_is_generic_def(t)) {
		warn(c, n, "%s is a generic type definition: name an instantiation with "
		     "<TypeInstantiation Name=... Arguments=...> to keep its code", t->name);
		return;
	}
	bool first = !reach_tstate(t)->needs;
	reach_type(c->p, t, TN_DESCRIPTOR | TN_LAYOUT | (keep & K_FIELDS ? TN_STATICS : 0), c->why);
	if (first && !c->why)
		reach_tstate(t)->kept_by = reason(c, n);       /* what --why says */
	if (!keep)
		return;
	TypeInfo *ti = ty_info(t);
	if ((keep & K_CTORS) && concrete(t))
		reach_default_ctor(c->p, t, c->why);
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *m = ti->methods[i];
		bool ctor = !strcmp(m->name, ".ctor");
		if (!strcmp(m->name, ".cctor") || !wanted(m, keep) || (ctor && !concrete(t)))
			continue;
		if (ctor ? keep & K_CTORS : keep & K_METHODS)
			keep_method(c, n, m);
	}
	if (keep & K_PROPS)
		keep_properties(c, t, NULL, keep);
	if (keep & K_EVENTS)
		keep_events(c, t);
	if (keep & K_FIELDS)
		keep_fields(c, t, NULL, keep);
}

/* Method name and parameter types ("(System.Int32,System.String)", or a
 * descriptor's "System.Void M(System.Int32)"); no signature: any. */
static bool signature_is(Method *m, const char *sig)
{
	if (!sig)
		return true;
	const char *open = strchr(sig, '('), *close = strrchr(sig, ')');
	if (!open || !close || close < open)
		return false;
	const char *s = open + 1;
	uint32_t i = 0;
	while (s < close) {
		while (*s == ' ')
			s++;
		size_t len = strcspn(s, ",)");
		while (len && s[len - 1] == ' ')
			len--;
		if (!len)
			break;
		if (i >= m->nparams)
			return false;
		const char *want = clr_name(m->params[i++]);
		if (strlen(want) != len || memcmp(want, s, len))
			return false;
		s += strcspn(s, ",)");
		if (*s == ',')
			s++;
	}
	return i == m->nparams;
}

static void keep_member(Dir *c, const XmlNode *n, Type *t, bool is_method, const char *name,
			const char *sig)
{
	if (!name) {
		warn(c, n, "<%s> without a name keeps nothing", n->name);
		return;
	}
	bool found = false;
	TypeInfo *ti = ty_info(t);
	if (is_method) {
		for (uint32_t i = 0; i < ti->nmethods; i++)
			if (!strcmp(ti->methods[i]->name, name) && signature_is(ti->methods[i], sig)) {
				keep_method(c, n, ti->methods[i]);
				found = true;
			}
	} else if (!strcasecmp(n->name, "property")) {
		keep_properties(c, t, name, K_PROPS);
		found = true;
	} else {
		found = keep_fields(c, t, name, 0);
		reach_type(c->p, t, TN_LAYOUT | TN_STATICS, NULL);
	}
	if (!found)
		warn(c, n, arena_printf(ty_arena(), "%s has no member %%s: the directive keeps nothing",
					t->name), name);
}

/* ---- rd.xml ---- */
/* An rd.xml degree ("Required All", "Required Public", "Excluded", ...) of
 * the Dynamic, Activate, Browse and Serialize attributes. */
/* Is every word of degree v one of rd.xml's? */
static bool rd_degree_known(const char *v)
{
	static const char *const words[] = {
		"Required", "Public", "PublicAndInternal", "Internal", "All", "Auto", "Excluded",
	};
	while (*v) {
		size_t len = strcspn(v, " ");
		bool known = len == 0;
		for (unsigned i = 0; !known && i < countof(words); i++)
			known = strlen(words[i]) == len && !strncmp(words[i], v, len);
		if (!known)
			return false;
		v += len + (v[len] == ' ');
	}
	return true;
}

static unsigned rd_degrees(Dir *c, const XmlNode *n)
{
	static const struct { const char *attr; unsigned keep; } attrs[] = {
		{ "Dynamic", K_ALL }, { "Activate", K_CTORS }, { "Browse", K_METHODS | K_PROPS },
		{ "Serialize", K_CTORS | K_PROPS | K_FIELDS },
	};
	unsigned keep = 0;
	for (unsigned i = 0; i < countof(attrs); i++) {
		const char *v = xml_attr(n, attrs[i].attr);
		if (v && !rd_degree_known(v))
			warn(c, n, arena_printf(ty_arena(), "%s=\"%%s\" is not an rd.xml degree"
				" (Required, Public, PublicAndInternal, All, Auto, Excluded): ignored",
				attrs[i].attr), v);
		if (!v || strstr(v, "Excluded") || !rd_degree_known(v))
			continue;
		keep |= attrs[i].keep;
		if (strstr(v, "Public") && !strstr(v, "All") && !strstr(v, "Internal"))
			keep |= K_PUBLIC;
	}
	return keep;
}

/* The types of an Arguments="A, B" attribute, into inst (at most 16):
 * their count, or -1 after a warning. */
static int rd_arguments(Dir *c, const XmlNode *n, const char *args, Type **inst)
{
	int ninst = 0;
	for (const char *s = args; *s && ninst < 16; ) {
		while (*s == ' ')
			s++;
		size_t len = strcspn(s, ",");
		while (len && s[len - 1] == ' ')
			len--;
		const char *an = arena_printf(ty_arena(), "%.*s", (int)len, s);
		Type *a = find_type(c, an);
		if (!a) {
			warn(c, n, "type argument %s not found: the directive keeps nothing", an);
			return -1;
		}
		inst[ninst++] = a;
		s += strcspn(s, ",");
		s += *s == ',';
	}
	return ninst;
}

static Type *rd_instantiation(Dir *c, const XmlNode *n)
{
	const char *name = xml_attr(n, "Name"), *args = xml_attr(n, "Arguments");
	if (!name || !args) {
		warn(c, n, "%s needs Name and Arguments", "<TypeInstantiation>");
		return NULL;
	}
	Type *inst[16];
	int got = rd_arguments(c, n, args, inst);
	if (got < 0)
		return NULL;
	uint32_t ninst = (uint32_t)got;
	Type *def = find_type(c, strchr(name, '`') ? name : arena_printf(ty_arena(), "%s`%u", name, ninst));
	if (!def || ty_generic_arity(def) != ninst) {
		warn(c, n, "generic type %s not found with that many arguments: the directive keeps nothing", name);
		return NULL;
	}
	Type **copy = arena_alloc(ty_arena(), ninst * sizeof *copy);
	memcpy(copy, inst, ninst * sizeof *copy);
	return ty_def(def->img, def->row, copy, ninst);
}

/* <MethodInstantiation Name="M" Arguments="A, B"/> inside <Type>: the
 * instance M<A, B> of each generic method M of t with that many type
 * parameters, compiled and found by MakeGenericMethod. */
static void rd_method_instantiation(Dir *c, const XmlNode *n, Type *t)
{
	const char *name = xml_attr(n, "Name"), *args = xml_attr(n, "Arguments");
	Type *inst[16];
	int got = name && args ? rd_arguments(c, n, args, inst) : -2;
	if (got == -2)
		warn(c, n, "%s needs Name and Arguments", "<MethodInstantiation>");
	if (got < 0)
		return;
	bool found = false;
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *m = ti->methods[i];
		if (strcmp(m->name, name) || ty_method_generic_arity(m) != (uint32_t)got)
			continue;
		Type **copy = arena_alloc(ty_arena(), (size_t)got * sizeof *copy);
		memcpy(copy, inst, (size_t)got * sizeof *copy);
		Method *made = ty_method(t, m->img, m->row, copy, (uint32_t)got);
		reach_reflect_method(c->p, m, c->why);
		reach_method(c->p, made, c->why, reason(c, n));
		reach_reflect_method(c->p, made, c->why);
		found = true;
	}
	if (!found)
		warn(c, n, arena_printf(ty_arena(), "%s has no generic method %%s with %d type"
					" parameters: the directive keeps nothing", t->name, got), name);
}

static void rd_type(Dir *c, const XmlNode *n, Type *t)
{
	keep_type(c, n, t, rd_degrees(c, n));
	for (uint32_t i = 0; i < n->nkids; i++) {
		const XmlNode *k = n->kids[i];
		if (!strcmp(k->name, "Method"))
			keep_member(c, k, t, true, xml_attr(k, "Name"), xml_attr(k, "Signature"));
		else if (!strcmp(k->name, "Property") || !strcmp(k->name, "Field"))
			keep_member(c, k, t, false, xml_attr(k, "Name"), NULL);
		else if (!strcmp(k->name, "MethodInstantiation"))
			rd_method_instantiation(c, k, t);
		else if (strcmp(k->name, "Event"))
			warn(c, k, "<%s> is not an rd.xml element inside <Type>: ignored", k->name);
	}
}

static void rd_element(Dir *c, const XmlNode *n)
{
	if (!strcmp(n->name, "Type") || !strcmp(n->name, "TypeInstantiation")) {
		const char *name = xml_attr(n, "Name");
		Type *t = !strcmp(n->name, "Type") ? (name ? find_type(c, name) : NULL) : rd_instantiation(c, n);
		if (t)
			rd_type(c, n, t);
		else if (!strcmp(n->name, "Type"))
			warn(c, n, "type %s not found: the directive keeps nothing", name ? name : "(no Name)");
	} else if (!strcmp(n->name, "Assembly")) {
		const char *name = xml_attr(n, "Name");
		Image *img = name ? find_assembly(c, name) : NULL;
		if (!img) {
			warn(c, n, "assembly %s not found: the directive keeps nothing", name ? name : "(no Name)");
			return;
		}
		Image *outer = c->asm_;
		c->asm_ = img;
		unsigned keep = rd_degrees(c, n);
		if (keep)
			for (uint32_t row = 2; row <= md_rows(img, T_TypeDef); row++)
				keep_type(c, n, ty_def(img, row, NULL, 0), keep);
		for (uint32_t i = 0; i < n->nkids; i++)
			rd_element(c, n->kids[i]);
		c->asm_ = outer;
	} else if (!strcmp(n->name, "Namespace")) {
		const char *ns = xml_attr(n, "Name");
		Image *img = c->asm_;
		if (!ns || !img) {
			warn(c, n, "%s needs a Name, inside an <Assembly>", "<Namespace>");
			return;
		}
		unsigned keep = rd_degrees(c, n);
		for (uint32_t row = 2; row <= md_rows(img, T_TypeDef); row++)
			if (!strcmp(md_string(img, md_get(img, T_TypeDef, row, TypeDef_Namespace)), ns))
				keep_type(c, n, ty_def(img, row, NULL, 0), keep);
	} else if (!strcmp(n->name, "Application") || !strcmp(n->name, "Library")) {
		for (uint32_t i = 0; i < n->nkids; i++)
			rd_element(c, n->kids[i]);
	} else
		warn(c, n, "<%s> is not an rd.xml element: ignored", n->name);
}

/* ---- ILLink descriptors ---- */
static unsigned preserve(Dir *c, const XmlNode *n, bool has_kids)
{
	const char *v = xml_attr(n, "preserve");
	if (!v)
		return has_kids ? 0 : K_ALL;
	if (!strcmp(v, "all"))
		return K_ALL;
	if (!strcmp(v, "fields"))
		return K_FIELDS;
	if (!strcmp(v, "methods"))
		return K_CTORS | K_METHODS | K_PROPS;
	if (strcmp(v, "nothing"))
		warn(c, n, "preserve=\"%s\" is not all, fields, methods or nothing: it keeps nothing", v);
	return 0;
}

static void descriptor_type(Dir *c, const XmlNode *n)
{
	const char *name = xml_attr(n, "fullname");
	Type *t = name ? find_type(c, name) : NULL;
	if (!t) {
		warn(c, n, "type %s not found: the descriptor keeps nothing", name ? name : "(no fullname)");
		return;
	}
	keep_type(c, n, t, preserve(c, n, n->nkids > 0));
	for (uint32_t i = 0; i < n->nkids; i++) {
		const XmlNode *k = n->kids[i];
		const char *kname = xml_attr(k, "name"), *sig = xml_attr(k, "signature");
		if (!strcmp(k->name, "method")) {
			if (!kname && sig) {    /* "System.Void Name(System.Int32)" */
				const char *open = strchr(sig, '('), *sp = open ? open : sig + strlen(sig);
				const char *start = sp;
				while (start > sig && start[-1] != ' ')
					start--;
				kname = arena_printf(ty_arena(), "%.*s", (int)(sp - start), start);
			}
			keep_member(c, k, t, true, kname, sig);
		} else if (!strcmp(k->name, "field") || !strcmp(k->name, "property"))
			keep_member(c, k, t, false, kname, NULL);
		else if (!strcmp(k->name, "type"))
			descriptor_type(c, k);
		else if (strcmp(k->name, "event"))
			warn(c, k, "<%s> is not a descriptor element inside <type>: ignored", k->name);
	}
}

static void descriptor(Dir *c, const XmlNode *root)
{
	for (uint32_t i = 0; i < root->nkids; i++) {
		const XmlNode *a = root->kids[i];
		if (strcmp(a->name, "assembly")) {
			warn(c, a, "<%s> is not a descriptor element inside <linker>: ignored", a->name);
			continue;
		}
		const char *full = xml_attr(a, "fullname");
		const char *name = full ? arena_printf(ty_arena(), "%.*s", (int)strcspn(full, ","), full) : NULL;
		Image *img = name ? find_assembly(c, name) : NULL;
		if (!img) {
			warn(c, a, "assembly %s not found: the descriptor keeps nothing", full ? full : "(no fullname)");
			continue;
		}
		c->asm_ = img;
		if (preserve(c, a, true) == K_ALL)
			for (uint32_t row = 2; row <= md_rows(img, T_TypeDef); row++)
				keep_type(c, a, ty_def(img, row, NULL, 0), K_ALL);
		for (uint32_t k = 0; k < a->nkids; k++) {
			if (!strcmp(a->kids[k]->name, "type"))
				descriptor_type(c, a->kids[k]);
			else
				warn(c, a->kids[k], "<%s> is not a descriptor element inside <assembly>: ignored",
				     a->kids[k]->name);
		}
		c->asm_ = NULL;
	}
}

void directives_apply(Program *p, const char *path, bool is_descriptor)
{
	Arena a = {0};
	XmlNode *root = xml_parse(&a, path);
	Dir c = { .p = p, .path = path };
	const char *want = is_descriptor ? "linker" : "Directives";
	if (strcmp(root->name, want))
		fatal("%s:%u:%u: expected <%s> as the root element, not <%s>%s", path, root->line, root->col,
		      want, root->name, is_descriptor ? "" : " (an rd.xml file)");
	if (is_descriptor)
		descriptor(&c, root);
	else
		for (uint32_t i = 0; i < root->nkids; i++)
			rd_element(&c, root->kids[i]);
	/* the tree's names live on in messages only while applying: free it */
	arena_free(&a);
}

/* ---- [DynamicDependency] ---- */

/* DynamicallyAccessedMemberTypes as directives keep them. */
static unsigned member_types(int64_t v)
{
	static const struct { uint32_t bits; unsigned keep; } map[] = {
		{ 0x1 | 0x2 | 0x4, K_CTORS }, { 0x8 | 0x10, K_METHODS },
		{ 0x20 | 0x40, K_FIELDS }, { 0x200 | 0x400, K_PROPS }, { 0x800 | 0x1000, K_EVENTS },
	};
	unsigned keep = 0;
	for (size_t i = 0; i < countof(map); i++)
		if ((uint32_t)v & map[i].bits)
			keep |= map[i].keep;
	/* no NonPublic* bit: public members only */
	if (v != -1 && !((uint32_t)v & (0x4 | 0x10 | 0x40 | 0x400 | 0x1000)))
		keep |= K_PUBLIC;
	return keep;
}

/* "Name", "Name(System.Int32)", "#ctor(...)": t's members so named. */
static void keep_signature(Dir *c, Type *t, const char *sig)
{
	size_t n = strcspn(sig, "(");
	const char *name = arena_printf(ty_arena(), "%.*s", (int)n, sig);
	if (name[0] == '#')
		name = arena_printf(ty_arena(), ".%s", name + 1);
	bool found = false;
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nmethods; i++)
		if (!strcmp(ti->methods[i]->name, name) &&
		    signature_is(ti->methods[i], sig[n] ? sig : NULL)) {
			keep_method(c, NULL, ti->methods[i]);
			found = true;
		}
	if (!found && !sig[n]) {
		found = keep_fields(c, t, name, 0);
		if (found)
			reach_type(c->p, t, TN_LAYOUT | TN_STATICS, c->why);
		uint32_t map = md_lookup1(t->img, T_PropertyMap, PropertyMap_Parent, t->row);
		uint32_t first = 0, end = 0;
		if (map)
			md_list(t->img, T_PropertyMap, map, PropertyMap_PropertyList, &first, &end);
		for (uint32_t pos = first; pos < end; pos++) {
			uint32_t row = md_list_row(t->img, T_Property, pos);
			if (!strcmp(md_string(t->img, md_get(t->img, T_Property, row, Property_Name)), name)) {
				reach_reflect_property(c->p, t, row, c->why);
				found = true;
			}
		}
	}
	if (!found)
		warn(c, NULL, arena_printf(ty_arena(), "%s has no member %%s: it keeps nothing",
					   t->name), sig);
}

/* The type an attribute argument names: a Type (its name) or a type name
 * and an assembly name. */
static Type *dependency_type(Dir *c, const AttrValue *name, const AttrValue *assembly)
{
	if (name->null)
		return NULL;
	const char *full = arena_printf(ty_arena(), "%.*s%s%.*s", (int)name->slen, name->s,
					assembly ? ", " : "", assembly ? (int)assembly->slen : 0,
					assembly ? assembly->s : "");
	Type *t = find_type(c, full);
	if (!t)
		warn(c, NULL, "no type %s: it keeps nothing", full);
	return t;
}

static void dependency(Dir *c, Method *m, uint32_t ca)
{
	Attribute at;
	attr_decode(m->img, ty_arena(), ca, &at);
	if (at.nfixed == 0 || at.nfixed > 3)
		return;
	Type *t = m->owner;                     /* (string): a member of m's type */
	if (at.nfixed == 2)
		t = dependency_type(c, &at.fixed[1], NULL);
	else if (at.nfixed == 3)
		t = dependency_type(c, &at.fixed[1], &at.fixed[2]);
	if (!t || !t->img)
		return;
	if (ty_is_generic_def(t)) {
		warn(c, NULL, "%s is a generic type definition: it keeps nothing", t->name);
		return;
	}
	if (at.fixed[0].type == ET_STRING && !at.fixed[0].null)
		keep_signature(c, t, arena_printf(ty_arena(), "%.*s", (int)at.fixed[0].slen,
						  at.fixed[0].s));
	else if (at.fixed[0].type != ET_STRING)
		keep_type(c, NULL, t, member_types(at.fixed[0].i));
}

/* The attributes naming what a reached method needs kept: .NET's, and
 * Mono's own (its linker's PreserveDependency, same arguments), which the
 * class library puts where it finds members by names it computes
 * (PrimitiveDataContract's "Write" + type name). mscorlib's name what
 * Mono's runtime calls, which ilcc's runtime does without: not read. */
static const struct { const char *attr; bool library; } dependency_attrs[] = {
	{ "System.Diagnostics.CodeAnalysis.DynamicDependencyAttribute", false },
	{ "System.Runtime.CompilerServices.PreserveDependencyAttribute", true },
};

void directives_dynamic_dependency(Program *p, Method *m)
{
	for (size_t k = 0; k < countof(dependency_attrs); k++) {
		if (dependency_attrs[k].library && !strcmp(m->img->name, "mscorlib"))
			continue;
		uint32_t rows[96];
		uint32_t n = ty_attribute_rows(m->img, TOKEN(T_MethodDef, m->row),
					       dependency_attrs[k].attr, rows, countof(rows));
		Dir c = { .p = p, .why = m, .quiet = dependency_attrs[k].library && m->img != p->img };
		for (uint32_t i = 0; i < n; i++)
			dependency(&c, m, rows[i]);
	}
}

void directives_keep_assembly(Program *p, Image *img, const char *why)
{
	Dir c = { .p = p, .path = why };
	for (uint32_t row = 2; row <= md_rows(img, T_TypeDef); row++) {
		Type *t = ty_def(img, row, NULL, 0);
		if (!ty_is_generic_def(t))
			keep_type(&c, NULL, t, K_ALL);
	}
}

/* ---- [DynamicallyAccessedMembers] ---- */

bool directives_dam(Image *img, Token parent, int64_t *kinds)
{
	uint32_t ca = ty_attribute_row(img, parent,
		"System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembersAttribute");
	if (!ca)
		return false;
	Attribute at;
	attr_decode(img, ty_arena(), ca, &at);
	*kinds = at.nfixed == 1 ? at.fixed[0].i : -1;
	return true;
}

void directives_keep_members(Program *p, Type *t, int64_t kinds, Method *why)
{
	if (!t->img || ty_is_open(t) || ty_is_generic_def(t) || t->kind == TY_VOID)
		return;
	Dir c = { .p = p, .path = "[DynamicallyAccessedMembers]", .why = why };
	unsigned keep = member_types(kinds);
	if (keep)
		keep_type(&c, NULL, t, keep);
}

/* ---- what a serializer reflects on ----
 * DataContractJsonSerializer, DataContractSerializer and XmlSerializer
 * walk a type's fields and properties, their types', the items of arrays
 * and collections, and the bases; they construct objects with the
 * parameterless constructor and fill collections with Add. So the
 * program's own types met that way keep all their members; the class
 * library's generic instances (List<X>, Dictionary<K,V>, Nullable<X>)
 * keep their public members and lead on to their arguments; other class
 * library types (string, DateTime, Guid) only their descriptor. */
static VEC(Type *) serialized;

static bool serialized_seen(Type *t)
{
	for (uint32_t i = 0; i < serialized.n; i++)
		if (serialized.v[i] == t)
			return true;
	VEC_PUSH(serialized, t);
	return false;
}

/* The type of t's property at Property row `row`: its getter's return. */
static Type *property_type(Type *t, uint32_t row)
{
	const char *name = md_string(t->img, md_get(t->img, T_Property, row, Property_Name));
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *m = ti->methods[i];
		if (!strncmp(m->name, "get_", 4) && !strcmp(m->name + 4, name) && !m->nparams)
			return m->ret;
	}
	return NULL;
}

static void keep_serializable(Dir *c, Type *t);

static void keep_serializable_members(Dir *c, Type *t)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nfields; i++)
		keep_serializable(c, ti->fields[i]->type);
	uint32_t map = md_lookup1(t->img, T_PropertyMap, PropertyMap_Parent, t->row);
	uint32_t first = 0, end = 0;
	if (map)
		md_list(t->img, T_PropertyMap, map, PropertyMap_PropertyList, &first, &end);
	for (uint32_t pos = first; pos < end; pos++) {
		Type *pt = property_type(t, md_list_row(t->img, T_Property, pos));
		if (pt)
			keep_serializable(c, pt);
	}
}

/* What the serializers make at run time with MakeGenericMethod and
 * MakeGenericType for the types they meet (Mono's JsonFormatWriter/
 * ReaderInterpreter and the Xml ones): made here for each type the
 * closure meets, so the runtime finds them. `on`: a Nullable<X>, an X[],
 * a collection of X, a dictionary of K to V; `args`: X, the met type
 * itself, KeyValuePair<K,V>, or K and V. A method name: that generic
 * method of the type (kept for reflection); none: the type, made. */
enum { ON_NULLABLE, ON_ARRAY, ON_LIST, ON_DICT };
enum { A_ITEM, A_SELF, A_PAIR, A_KV };
#define WRITE_CONTEXT "System.Runtime.Serialization.XmlObjectSerializerWriteContext"
#define READ_CONTEXT "System.Runtime.Serialization.XmlObjectSerializerReadContext"
static const struct { uint8_t on, args; const char *type, *method; } serializer_made[] = {
	{ ON_NULLABLE, A_ITEM, WRITE_CONTEXT, "GetHasValue" },
	{ ON_NULLABLE, A_ITEM, WRITE_CONTEXT, "GetNullableValue" },
	{ ON_NULLABLE, A_SELF, WRITE_CONTEXT, "GetDefaultValue" },
	{ ON_NULLABLE, A_ITEM, "System.Nullable`1", NULL },
	{ ON_ARRAY, A_ITEM, READ_CONTEXT, "EnsureArraySize" },
	{ ON_ARRAY, A_ITEM, READ_CONTEXT, "TrimArraySize" },
	{ ON_LIST, A_ITEM, WRITE_CONTEXT, "IncrementCollectionCountGeneric" },
	{ ON_DICT, A_PAIR, WRITE_CONTEXT, "IncrementCollectionCountGeneric" },
	{ ON_DICT, A_KV, "System.Collections.Generic.KeyValuePair`2", NULL },
	{ ON_DICT, A_KV, "System.Runtime.Serialization.KeyValue`2", NULL },
	{ ON_DICT, A_KV, "System.Collections.Generic.Dictionary`2", NULL },
	{ ON_DICT, A_KV, "System.Runtime.Serialization.CollectionDataContract+GenericDictionaryEnumerator`2", NULL },
	{ ON_DICT, A_PAIR, "System.Collections.Generic.IEnumerator`1", NULL },
};

/* The generic definition `name`, if its assembly is loaded. */
static Type *made_def(Dir *c, const char *name)
{
	Dir quiet = { .p = c->p, .quiet = true };
	Type *g = find_type(&quiet, name);
	return g && ty_is_generic_def(g) ? g : NULL;
}

static void make_one(Dir *c, const char *type, const char *method, Type **args, uint32_t n)
{
	Dir quiet = { .p = c->p, .quiet = true };
	Type *t = find_type(&quiet, type);
	if (!t)
		return;
	if (!method) {
		if (!ty_is_generic_def(t) || ty_generic_arity(t) != n)
			return;
		Type *made = ty_def(t->img, t->row, args, n);
		reach_made_generic(c->p, t, made, c->why);
		keep_type(c, NULL, made, K_ALL);
		keep_serializable(c, made);
		return;
	}
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *g = ti->methods[i];
		if (!strcmp(g->name, method) && ty_method_generic_arity(g) == n)
			reach_reflect_method(c->p, ty_method(t, g->img, g->row, args, n), c->why);
	}
}

static void make_for(Dir *c, unsigned on, Type *item, Type *self, Type *key, Type *value)
{
	for (size_t i = 0; i < countof(serializer_made); i++) {
		if (serializer_made[i].on != on)
			continue;
		Type *pair = NULL, *kv[2] = { key, value };
		if (on == ON_DICT) {
			Type *g = made_def(c, "System.Collections.Generic.KeyValuePair`2");
			if (!g)
				continue;
			pair = ty_def(g->img, g->row, kv, 2);
		}
		switch (serializer_made[i].args) {
		case A_ITEM: make_one(c, serializer_made[i].type, serializer_made[i].method, &item, 1); break;
		case A_SELF: make_one(c, serializer_made[i].type, serializer_made[i].method, &self, 1); break;
		case A_PAIR: make_one(c, serializer_made[i].type, serializer_made[i].method, &pair, 1); break;
		default: make_one(c, serializer_made[i].type, serializer_made[i].method, kv, 2); break;
		}
	}
}

/* t's generic interface `name` (with its arguments), or NULL. */
static Type *interface_of(Type *t, const char *name)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nifaces; i++) {
		Type *f = ti->ifaces[i];
		if (f->ninst && f->img && !strcmp(ty_def(f->img, f->row, NULL, 0)->name, name))
			return f;
	}
	return NULL;
}

/* A generic instance the closure meets: what the serializers make for
 * it, if it is a nullable, a dictionary or a collection. */
static void make_for_instance(Dir *c, Type *t)
{
	Type *d;
	if (ty_info(t)->is_nullable)
		make_for(c, ON_NULLABLE, t->inst[0], t, NULL, NULL);
	else if ((d = interface_of(t, "System.Collections.Generic.IDictionary`2")))
		make_for(c, ON_DICT, NULL, t, d->inst[0], d->inst[1]);
	else if ((d = interface_of(t, "System.Collections.Generic.ICollection`1")))
		make_for(c, ON_LIST, d->inst[0], t, NULL, NULL);
}

/* A collection's items are read through its GetEnumerator()'s result
 * (List<X>.Enumerator: MoveNext, Current): its public members kept. */
static void keep_enumerator(Dir *c, Type *t)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *m = ti->methods[i];
		if (!strcmp(m->name, "GetEnumerator") && !m->nparams && m->ret && m->ret->img &&
		    !ty_is_open(m->ret) && (m->flags & MF_ACCESS) == MF_PUBLIC)
			keep_type(c, NULL, m->ret, K_METHODS | K_PROPS | K_PUBLIC);
	}
}

static void keep_serializable(Dir *c, Type *t)
{
	if (!t || t->kind < TY_CLASS || t->kind > TY_ARRAY || ty_is_open(t) || serialized_seen(t))
		return;
	if (t->kind == TY_SZARRAY || t->kind == TY_ARRAY) {
		reach_type(c->p, t, TN_DESCRIPTOR | TN_CONSTRUCTED, c->why);
		keep_serializable(c, t->elem);
		make_for(c, ON_ARRAY, t->elem, t, NULL, NULL);
		return;
	}
	if (!t->img || ty_is_generic_def(t))
		return;
	bool own = t->img == c->p->img;
	if (!own && !t->ninst) {
		reach_type(c->p, t, TN_DESCRIPTOR, c->why);
		return;
	}
	keep_type(c, NULL, t, own ? K_ALL : K_ALL | K_PUBLIC);
	for (uint32_t i = 0; i < t->ninst; i++)
		keep_serializable(c, t->inst[i]);
	make_for_instance(c, t);
	keep_enumerator(c, t);
	if (own) {
		keep_serializable_members(c, t);
		keep_serializable(c, ty_info(t)->base);
	}
}

void directives_keep_serializable(Program *p, Type *t, Method *why)
{
	Dir c = { .p = p, .path = "serializer", .why = why };
	keep_serializable(&c, t);
}
