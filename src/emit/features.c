/* features: feature switches, as .NET's Native AOT has them. A switch is
 * a method of the class library whose result the build fixes when the
 * program cannot need what it guards: its body becomes that constant,
 * and il2c folds branches on the result, so the code behind the other
 * side of the test is never translated and reachability never sees what
 * it calls. One line per switch below, saying when it is off and what
 * changes then (docs/design.md, "Feature switches").
 *
 * Requires: the loaded assemblies (the program's own MemberRefs).
 * Produces: for a method key, whether it is a switch that is off in this
 * program, and its constant.
 */
#include "il2c.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef bool NeededFn(Program *p);

static NeededFn terminal_needed, validation_needed;

static const struct {
	const char *key;                /* as reach.c's method_key() writes it */
	NeededFn *needed;               /* does this program need the feature?
					   (NULL: never; a platform constant) */
	int32_t off;                    /* the method's result when it does not */
	const char *what;
} features[] = {
	{ "System.ConsoleDriver::get_IsConsole()", terminal_needed, 0,
	  "the terminal driver (terminfo, cursor tracking, key decoding): the console"
	  " is plain streams, as under Mono when input or output is redirected" },
	{ "System.Environment::get_IsRunningOnWindows()", NULL, 0,
	  "platform tests: ilcc builds for Linux, so they are constants" },
	{ "System.Environment::get_IsUnix()", NULL, 1,
	  "platform tests: ilcc builds for Linux, so they are constants" },
	{ "System.Environment::get_IsMacOS()", NULL, 0,
	  "platform tests: ilcc builds for Linux, so they are constants" },
	{ "System.Platform::get_IsMacOS()", NULL, 0,
	  "System.dll's platform tests (uname at run time): constants on Linux, so"
	  " NetworkInterface's macOS, BSD and AIX code, whose internal calls Mono"
	  " has only there, is left out" },
	{ "System.Platform::get_IsFreeBSD()", NULL, 0, "System.dll's platform tests (above)" },
	{ "System.Platform::get_IsOpenBSD()", NULL, 0, "System.dll's platform tests (above)" },
	{ "System.Platform::get_IsAix()", NULL, 0, "System.dll's platform tests (above)" },
	{ "System.Platform::get_IsIBMi()", NULL, 0, "System.dll's platform tests (above)" },
	{ "System.Globalization.CultureInfo::get_current_locale_name()", NULL, 0,
	  "the culture is the invariant one whatever LANG says (README): the runtime's"
	  " locale name is always null, so CreateSpecificCulture is never called" },
	{ "System.Xml.XmlReaderSettings::get_ValidationType()", validation_needed, 0,
	  "XML readers validate only when a ValidationType is set (validation_needed):"
	  " where nothing sets one, XmlReader.Create wraps no XsdValidatingReader or"
	  " XmlValidatingReaderImpl, so schema and DTD validation are left out" },
	{ "Mono.Net.Security.MonoTlsProviderFactory::IsBtlsSupported()", NULL, 0,
	  "TLS: Mono's BoringSSL provider needs its native library, which ilcc does not"
	  " link, so no provider is registered (README: HTTPS)" },
};

/* The switches --switch names and --size turns on, each giving something
 * up for size (README, "Size"); the methods each one changes are in the
 * tables here and in subst.c, marked with its bit. */
static const struct {
	const char *name;
	unsigned bit;
	const char *what;
} switches[] = {
	{ "resource-keys", SW_RESOURCE_KEYS,
	  "the class library's messages are not formatted: SR.Format and Locale.GetText"
	  " give the format as written ({0} and all), then its string arguments after"
	  " \", \" (Native AOT's UseSystemResourceKeys); no String.Format behind them" },
	{ "no-trace-names", SW_NO_TRACE_NAMES,
	  "no method names in stack traces: Exception.StackTrace and the unhandled"
	  " exception report have no \"  at\" lines (Native AOT's StackTraceSupport=false)" },
	{ "paths-as-given", SW_PATHS_AS_GIVEN,
	  "FileStream's I/O errors name the path as the program gave it, not as"
	  " Path.GetFullPath makes it absolute" },
	{ "sync-text-io", SW_SYNC_TEXT_IO,
	  "when no assembly of the program names ReadAsync, ReadLineAsync,"
	  " ReadToEndAsync, ReadBlockAsync, WriteAsync, WriteLineAsync or FlushAsync,"
	  " StreamReader and StreamWriter keep no Task of a pending asynchronous call"
	  " (there is none; only reflection could start one): Console programs"
	  " without tasks leave Task's machinery out" },
	{ "unpooled-writes", SW_UNPOOLED_WRITES,
	  "Stream.Write(ReadOnlySpan<byte>) (a StreamWriter's preamble) copies into a new"
	  " array, not one rented from ArrayPool<byte>.Shared: garbage for the collector;"
	  " not when a class of the program derives from Stream (its Write(byte[], int,"
	  " int) would see an array of the span's length, not the pool's larger one)" },
};

unsigned emit_switch_bit(const char *name)
{
	for (size_t i = 0; i < countof(switches); i++)
		if (!strcmp(switches[i].name, name))
			return switches[i].bit;
	return 0;
}

const char *emit_switch_list(void)
{
	static char list[256];
	if (!*list)
		for (size_t i = 0; i < countof(switches); i++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
				 i ? ", " : "", switches[i].name);
	return list;
}

/* Console members that control the terminal (after get_, set_, add_ or
 * remove_): a program that names none of them writes and reads plain
 * text, and a terminal shows that the same without the driver. */
static const char *const terminal_members[] = {
	"ReadKey", "KeyAvailable", "CursorLeft", "CursorTop", "CursorSize",
	"CursorVisible", "SetCursorPosition", "ForegroundColor", "BackgroundColor",
	"ResetColor", "Clear", "Beep", "WindowWidth", "WindowHeight", "WindowLeft",
	"WindowTop", "SetWindowSize", "SetWindowPosition", "BufferWidth",
	"BufferHeight", "SetBufferSize", "LargestWindowWidth", "LargestWindowHeight",
	"Title", "CancelKeyPress", "TreatControlCAsInput", "CapsLock", "NumberLock",
	"MoveBufferArea",
};

static bool terminal_member(const char *name)
{
	static const char *const prefixes[] = { "get_", "set_", "add_", "remove_" };
	for (size_t i = 0; i < countof(prefixes); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			name += strlen(prefixes[i]);
	for (size_t i = 0; i < countof(terminal_members); i++)
		if (!strcmp(name, terminal_members[i]))
			return true;
	return false;
}

static bool is_typeref(Image *img, Token t, const char *ns, const char *name)
{
	if (TOK_TABLE(t) != T_TypeRef)
		return false;
	uint32_t r = TOK_ROW(t);
	return !strcmp(md_string(img, md_get(img, T_TypeRef, r, TypeRef_Name)), name) &&
	       !strcmp(md_string(img, md_get(img, T_TypeRef, r, TypeRef_Namespace)), ns);
}

static bool is_console_ref(Image *img, Token parent)
{
	return is_typeref(img, parent, "System", "Console");
}

static bool names_terminal(Image *img)
{
	for (uint32_t r = 1; r <= md_rows(img, T_MemberRef); r++)
		if (is_console_ref(img, md_get(img, T_MemberRef, r, MemberRef_Class)) &&
		    terminal_member(md_string(img, md_get(img, T_MemberRef, r, MemberRef_Name))))
			return true;
	return false;
}

/* Is img in the class library's folder (or below: Facades)? */
bool emit_in_class_library(Image *img)
{
	const char *slash = strrchr(ty_corlib->path, '/');
	size_t n = slash ? (size_t)(slash - ty_corlib->path) : 0;
	return n && !strncmp(img->path, ty_corlib->path, n) && img->path[n] == '/';
}

/* Does the program, or an assembly it references (of its own; with
 * `library`, of the class library's too), pass `test`? */
static bool assemblies_any(Program *p, bool library, bool (*test)(Image *img))
{
	VEC(Image *) seen = {0}, todo = {0};
	VEC_PUSH(todo, p->img);
	bool found = false;
	while (todo.n && !found) {
		Image *img = todo.v[--todo.n];
		bool again = !library && img != p->img && emit_in_class_library(img);
		for (uint32_t i = 0; i < seen.n; i++)
			again |= seen.v[i] == img;
		if (again)
			continue;
		VEC_PUSH(seen, img);
		found = test(img);
		for (uint32_t r = 1; r <= md_rows(img, T_AssemblyRef); r++) {
			Image *ref = ld_assembly_ref(p->ld, img, r);
			if (ref)
				VEC_PUSH(todo, ref);
		}
	}
	free(seen.v);
	free(todo.v);
	return found;
}

/* The same of the program's own assemblies. (The class library does not
 * pass, but for the driver itself.) */
static bool own_assemblies_any(Program *p, bool (*test)(Image *img))
{
	return assemblies_any(p, false, test);
}

static bool terminal_needed(Program *p)
{
	return own_assemblies_any(p, names_terminal);
}

static bool names_member(Image *img, const char *name)
{
	for (uint32_t r = 1; r <= md_rows(img, T_MemberRef); r++)
		if (!strcmp(md_string(img, md_get(img, T_MemberRef, r, MemberRef_Name)), name))
			return true;
	return false;
}

static bool names_type(Image *img, const char *ns, const char *name)
{
	for (uint32_t r = 1; r <= md_rows(img, T_TypeRef); r++)
		if (is_typeref(img, (Token)T_TypeRef << 24 | r, ns, name))
			return true;
	return false;
}

/* An XmlReaderSettings' ValidationType is None unless its setter runs:
 * called from another assembly (the program's, System.Web.Services'), or
 * in System.Xml itself from XPathNavigator.CheckValidity (public, so
 * named by its caller) and from XmlValidatingReader's settings (a type
 * its user names). XsdValidatingReader's own Settings and XmlSchema*'s
 * Validate make their validating readers directly. */
static bool names_validation(Image *img)
{
	return strcmp(img->name, "System.Xml") &&
	       (names_member(img, "set_ValidationType") || names_member(img, "CheckValidity") ||
		names_type(img, "System.Xml", "XmlValidatingReader"));
}

static bool validation_needed(Program *p)
{
	return assemblies_any(p, true, names_validation);
}

/* Does TypeDef `row` of img derive from System.IO.Stream? Followed through
 * the metadata (no layout); a generic base, or one that does not
 * resolve, counts as yes. */
static bool typedef_derives_stream(Loader *ld, Image *img, uint32_t row)
{
	for (int depth = 0; depth < 64; depth++) {
		const char *ns = md_string(img, md_get(img, T_TypeDef, row, TypeDef_Namespace));
		const char *name = md_string(img, md_get(img, T_TypeDef, row, TypeDef_Name));
		if (img == ty_corlib && !strcmp(ns, "System.IO") && !strcmp(name, "Stream"))
			return true;
		Token base = md_get(img, T_TypeDef, row, TypeDef_Extends);
		if (!TOK_ROW(base))
			return false;
		if (TOK_TABLE(base) == T_TypeDef) {
			row = TOK_ROW(base);
		} else if (TOK_TABLE(base) == T_TypeRef) {
			TypeRefTarget t = ld_resolve_typeref(ld, img, TOK_ROW(base));
			if (!t.row)
				return true;
			img = t.img, row = t.row;
		} else {
			return true;
		}
	}
	return true;
}

static Loader *streams_loader;

static bool derives_stream(Image *img)
{
	for (uint32_t r = 2; r <= md_rows(img, T_TypeDef); r++)
		if (typedef_derives_stream(streams_loader, img, r))
			return true;
	return false;
}

/* Does a class of the program's own derive from System.IO.Stream? */
bool emit_program_streams(Program *p)
{
	streams_loader = p->ld;
	return own_assemblies_any(p, derives_stream);
}

static bool derives_filestream(Image *img)
{
	for (uint32_t r = 1; r <= md_rows(img, T_TypeDef); r++)
		if (is_typeref(img, md_get(img, T_TypeDef, r, TypeDef_Extends), "System.IO",
			       "FileStream"))
			return true;
	return false;
}

/* A class of the program's derived from FileStream could override
 * BeginRead/BeginWrite, which an asynchronous FileStream's Read and
 * Write call. */
static bool filestream_derived(Program *p)
{
	return own_assemblies_any(p, derives_filestream);
}

/* Field reads a method does not need, as the switches above: in `method`,
 * `ldfld field` gives `value` unless `needed`. */
static const struct {
	const char *method;             /* as reach.c's method_key() writes it */
	const char *field;
	NeededFn *needed;
	int32_t value;
	const char *what;
} field_reads[] = {
	{ "System.IO.FileStream::Write(System.Byte[],System.Int32,System.Int32)", "async",
	  filestream_derived, 0,
	  "a synchronous Write on a FileStream opened for asynchronous I/O writes on the"
	  " calling thread instead of through BeginWrite on a pool thread and EndWrite"
	  " waiting for it: the same bytes, the same exceptions; so the delegate, Task"
	  " and SemaphoreSlim paths behind BeginWrite are not reached from Write" },
	{ "System.IO.FileStream::Read(System.Byte[],System.Int32,System.Int32)", "async",
	  filestream_derived, 0, "a synchronous Read, as Write (above)" },
};

bool emit_field_read_off(Program *p, Method *m, Field *fd, int32_t *value)
{
	if (fd->is_static || m->img != ty_corlib)
		return false;
	for (size_t i = 0; i < countof(field_reads); i++) {
		if (strcmp(field_reads[i].field, fd->name) ||
		    strcmp(field_reads[i].method, reach_icall_key(m)))
			continue;
		if (field_reads[i].needed && field_reads[i].needed(p))
			return false;
		*value = field_reads[i].value;
		return true;
	}
	return false;
}

static bool names_async_write(Image *img)
{
	static const char *const names[] = { "WriteAsync", "WriteLineAsync", "FlushAsync",
					     "ReadAsync", "ReadLineAsync", "ReadToEndAsync",
					     "ReadBlockAsync" };
	for (uint32_t r = 1; r <= md_rows(img, T_MemberRef); r++)
		for (size_t i = 0; i < countof(names); i++)
			if (!strcmp(md_string(img, md_get(img, T_MemberRef, r, MemberRef_Name)), names[i]))
				return true;
	return false;
}

/* A StreamWriter's _asyncWriteTask (a StreamReader's _asyncReadTask) is
 * Task.CompletedTask until one of its *Async methods stores the task it
 * starts; only its CheckAsyncTaskInProgress reads it. */
static bool async_write_needed(Program *p)
{
	return own_assemblies_any(p, names_async_write);
}

/* Calls a switch leaves out: in the methods of `owner`, a call of
 * `callee` is not made; its result (if any) is null or 0, or what the
 * runtime function `rt` gives for the receiver's address. */
static const struct {
	const char *owner, *callee;
	unsigned sw;
	NeededFn *needed;
	const char *rt;
} calls_off[] = {
	{ "System.IO.StreamWriter", "System.Threading.Tasks.Task::get_CompletedTask()",
	  SW_SYNC_TEXT_IO, async_write_needed },
	{ "System.IO.StreamWriter", "System.IO.StreamWriter::CheckAsyncTaskInProgress()",
	  SW_SYNC_TEXT_IO, async_write_needed },
	{ "System.IO.StreamReader", "System.Threading.Tasks.Task::get_CompletedTask()",
	  SW_SYNC_TEXT_IO, async_write_needed },
	{ "System.IO.StreamReader", "System.IO.StreamReader::CheckAsyncTaskInProgress()",
	  SW_SYNC_TEXT_IO, async_write_needed },
	/* the culture number in an unknown culture's message (resource-keys
	 * leaves it out: its formatting is all of Number and the cultures'
	 * number and date formats) */
	{ "System.Globalization.CultureInfo", "System.Int32::ToString(System.IFormatProvider)",
	  SW_RESOURCE_KEYS, NULL },
	{ "System.Globalization.CultureInfo",
	  "System.Int32::ToString(System.String,System.IFormatProvider)", SW_RESOURCE_KEYS, NULL },
	/* the name of an encoding Mono has no name for is its code page's
	 * number in the invariant culture: the same text without Number */
	{ "System.Environment", "System.Int32::ToString(System.IFormatProvider)",
	  SW_RESOURCE_KEYS, NULL, "rt_i4_str" },
	/* the bytes in an invalid input's message, each as "X2" in the
	 * invariant culture: the same two hex digits without Number */
	{ "System.Text.DecoderExceptionFallbackBuffer",
	  "System.Byte::ToString(System.String,System.IFormatProvider)", SW_RESOURCE_KEYS, NULL,
	  "rt_u1_hex2" },
	/* the bytes in a recursive decoder fallback's message */
	{ "System.Text.DecoderFallbackBuffer",
	  "System.Text.StringBuilder::AppendFormat(System.IFormatProvider,System.String,System.Object)",
	  SW_RESOURCE_KEYS, NULL },
};

bool emit_call_off(Program *p, Method *caller, Method *callee, const char **rt)
{
	if (!p->switches || caller->img != ty_corlib || callee->img != ty_corlib)
		return false;
	for (size_t i = 0; i < countof(calls_off); i++)
		if ((p->switches & calls_off[i].sw) &&
		    !strcmp(calls_off[i].owner, ty_name(caller->owner)) &&
		    !strcmp(calls_off[i].callee, reach_icall_key(callee))) {
			*rt = calls_off[i].rt;
			return !calls_off[i].needed || !calls_off[i].needed(p);
		}
	return false;
}

/* Class-library methods that build an exception's message with
 * String.Format: under resource-keys, every String.Format call in them is
 * rt_str_keyed (as SR.Format's substitution, subst.c). */
static const char *const keyed_callers[] = {
	"System.IO.MonoIO::GetException(System.String,System.IO.MonoIOError)",
	"System.Globalization.CultureInfo::.ctor(System.Int32,System.Boolean,System.Boolean)",
	"System.Globalization.CultureNotFoundException::get_FormatedInvalidCultureId()",
	"System.TypeLoadException::SetMessageField()",
	"System.Globalization.CultureInfo::CreateCalendar(System.Int32)",
};

bool emit_call_keyed(Program *p, Method *caller, Method *callee)
{
	if (!(p->switches & SW_RESOURCE_KEYS) || caller->img != ty_corlib ||
	    callee->owner != ty_string || callee->nparams < 2 ||
	    (strcmp(callee->name, "Format") && strcmp(callee->name, "Concat")) ||
	    (callee->params[callee->nparams - 1]->kind == TY_SZARRAY &&
	     strcmp(callee->name, "Format")))
		return false;
	const char *key = reach_icall_key(caller);
	for (size_t i = 0; i < countof(keyed_callers); i++)
		if (!strcmp(keyed_callers[i], key))
			return true;
	return false;
}

bool emit_feature_off(Program *p, const char *key, int32_t *value)
{
	for (size_t i = 0; i < countof(features); i++) {
		if (strcmp(features[i].key, key))
			continue;
		if (features[i].needed && features[i].needed(p))
			return false;
		*value = features[i].off;
		return true;
	}
	return false;
}

void emit_feature_keys(KeyFn *fn, void *ctx)
{
	for (size_t i = 0; i < countof(features); i++)
		fn(ctx, KEY_METHOD, features[i].key, "features.c features");
	for (size_t i = 0; i < countof(field_reads); i++) {
		const char *m = field_reads[i].method;
		fn(ctx, KEY_METHOD, m, "features.c field_reads");
		char key[256];
		snprintf(key, sizeof key, "%.*s::%s", (int)(strstr(m, "::") - m), m,
			 field_reads[i].field);
		fn(ctx, KEY_FIELD, key, "features.c field_reads");
	}
	for (size_t i = 0; i < countof(calls_off); i++) {
		fn(ctx, KEY_TYPE, calls_off[i].owner, "features.c calls_off");
		fn(ctx, KEY_METHOD, calls_off[i].callee, "features.c calls_off");
	}
	for (size_t i = 0; i < countof(keyed_callers); i++)
		fn(ctx, KEY_METHOD, keyed_callers[i], "features.c keyed_callers");
}
