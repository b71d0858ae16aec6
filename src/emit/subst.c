/* subst: build-time substitutions (DESIGN.md). Where the class library
 * chooses something by reflection or makes code at run time on a common
 * path, ilcc decides at build time, knowing every type, and writes the
 * method's body itself. One line per substitution in the table below,
 * saying what it replaces.
 *
 * Requires: il2c's Fn (the method being emitted, generic arguments known).
 * Produces: the C body of a substituted method, and what it makes
 * reachable.
 */
#include "il2c.h"
#include "../directives.h"
#include "../../runtime/rt.h"

#include <string.h>
#include <strings.h>

typedef void SubstFn(Fn *f);

static SubstFn equality_comparer, comparer, exc_class_name, exc_message, exc_stack_trace,
	exc_init, exc_ssm_event, byref_ctor, byref_value, create_instance, create_default,
	contains_refs, delegate_equals, delegate_hash, collation_resource, globalization_resource,
	current_domain, domain_setup, x509_pal, the_domain, property_get_value, default_encoding,
	unsafe_mov, dynamic_invoke, web_prefixes, no_config_section, legacy_config, web_default_encoder,
	delegate_method, custom_attrs, attr_defined, attrs_data, attrs_resolve, timer_add, timer_remove, add_event_handler,
	crypto_create, crypto_by_name, resource_keys, path_as_given, stream_write;

static const struct {
	const char *key;                /* as reach.c's method_key() writes it */
	SubstFn *emit;
	const char *what;
	unsigned sw;                    /* SW_ bits that must be on (features.c), or 0 */
	bool (*unless)(Program *p);     /* not when this says so (NULL: always) */
} substs[] = {
	{ "System.Collections.Generic.EqualityComparer`1::CreateComparer()", equality_comparer,
	  "EqualityComparer<T>.Default: the comparer for T chosen at build time, not by reflection" },
	{ "System.Collections.Generic.Comparer`1::CreateComparer()", comparer,
	  "Comparer<T>.Default: the comparer for T chosen at build time, not by reflection" },
	{ "System.Exception::GetClassName()", exc_class_name,
	  "Exception's class name from the type descriptor, not through Type.ToString()" },
	{ "System.Exception::get_Message()", exc_message,
	  "the default message written without the resource and culture machinery" },
	{ "System.Exception::GetStackTrace(System.Boolean)", exc_stack_trace,
	  "the trace the runtime recorded (method names), not StackTrace objects" },
	{ "System.Exception::Init()", exc_init,
	  "no SafeSerializationManager per exception: made when serialization asks (below)" },
	{ "System.Exception::add_SerializeObjectState(System.EventHandler`1<System.Runtime.Serialization.SafeSerializationEventArgs>)",
	  exc_ssm_event, "the SafeSerializationManager Init no longer makes, made on first use" },
	{ "System.Exception::remove_SerializeObjectState(System.EventHandler`1<System.Runtime.Serialization.SafeSerializationEventArgs>)",
	  exc_ssm_event, "the SafeSerializationManager Init no longer makes, made on first use" },
	{ "System.Activator::CreateInstance()", create_instance,
	  "Activator.CreateInstance<T>() (C#'s new T()): T's constructor called directly" },
	{ "System.RuntimeType::CreateInstanceDefaultCtor(System.Boolean,System.Boolean,System.Boolean,System.Boolean,System.Threading.StackCrawlMark&)",
	  create_default, "Activator.CreateInstance(Type): the parameterless constructor from the"
	  " type descriptor (kept for typeof(X) at the call), not found by reflection" },
	{ "System.Runtime.CompilerServices.RuntimeHelpers::IsReferenceOrContainsReferences()",
	  contains_refs, "JIT intrinsic: a constant known from T's layout" },
	{ "System.Delegate::Equals(System.Object)", delegate_equals,
	  "same target and same code, compared without Delegate.Method (reflection)" },
	{ "System.Delegate::GetHashCode()", delegate_hash,
	  "hash of the code pointer, without Delegate.Method (reflection)" },
	{ "Mono.Globalization.Unicode.MSCompatUnicodeTable::GetResource(System.String)",
	  collation_resource, "mscorlib's collation tables (for culture-aware string comparison"
	  " as in Mono's invariant culture) built into the program, not read by reflection" },
	{ "System.Globalization.GlobalizationAssembly::GetGlobalizationResourceBytePtr(System.Reflection.Assembly,System.String)",
	  globalization_resource, "mscorlib's Unicode character data built into the program,"
	  " not read through the Assembly object" },
	{ "System.AppDomain::getCurDomain()", current_domain,
	  "the one application domain, an AppDomain object made on first use (Mono's"
	  " runtime makes it)" },
	{ "System.AppDomain::getSetup()", domain_setup,
	  "the one domain's AppDomainSetup (Mono's runtime makes it): ApplicationBase the"
	  " executable's folder, ConfigurationFile its path with .config" },
	{ "Mono.SystemCertificateProvider::GetX509Pal()", x509_pal,
	  "certificates in Mono's managed code: the BoringSSL one is never chosen, as"
	  " ilcc does not link its native library (features.c: IsBtlsSupported)" },
	{ "System.AppDomain::getRootDomain()", the_domain,
	  "the root domain is the one domain" },
	{ "System.AppDomain::InternalSetDomain(System.AppDomain)", the_domain,
	  "entering a domain: the one domain is the one it was in (AppDomain creation is refused)" },
	{ "System.AppDomain::InternalSetDomainByID(System.Int32)", the_domain,
	  "entering a domain: the one domain is the one it was in (AppDomain creation is refused)" },
	{ "System.Reflection.RuntimePropertyInfo::GetValue(System.Object,System.Object[])",
	  property_get_value, "PropertyInfo.GetValue through the getter's MethodInfo.Invoke, not"
	  " a delegate made by MakeGenericType at run time" },
	{ "System.Reflection.EventInfo::AddEventHandler(System.Object,System.Delegate)",
	  add_event_handler, "EventInfo.AddEventHandler through the add method's MethodInfo.Invoke"
	  " (as Mono does for structs), not a delegate made by MakeGenericType at run time" },
	{ "System.Runtime.Remoting.Messaging.AsyncResult::Invoke()", e_async_result_invoke,
	  "a delegate's BeginInvoke call on the pool (il2c_async.c), not a remoting message" },
	{ "System.Text.EncodingHelper::GetDefaultEncoding()", default_encoding,
	  "the console's encoding from the locale's code as Mono's IL picks it, without"
	  " Encoding.GetEncoding: its lookup by name (EncodingTable, culture-aware"
	  " comparison) and its error messages (String.Format) were a third of Hello World" },
	{ "System.Reflection.RuntimeAssembly::GetManifestResourceInternal(System.String,System.Int32&,System.Reflection.Module&)",
	  e_manifest_resource, "a manifest resource's bytes built into the program (resources.c:"
	  " the program's own and the tables of the CJK code pages it names), by name" },
	{ "System.Reflection.RuntimeAssembly::GetManifestResourceInfoInternal(System.String,System.Reflection.ManifestResourceInfo)",
	  e_manifest_info, "whether a resource is built in (resources.c), as Mono says of an"
	  " assembly's own embedded resource" },
	{ "System.Reflection.RuntimeAssembly::GetManifestResourceNames()", e_manifest_names,
	  "the names of the program's own embedded resources (resources.c)" },
	{ "System.Globalization.CultureInfo::internal_get_cultures(System.Boolean,System.Boolean,System.Boolean)",
	  e_get_cultures, "CultureInfo.GetCultures: every culture of the table (culture.c builds all"
	  " in once this is reached), each CultureInfo made as Mono's runtime makes it" },
	{ "System.Text.EncodingHelper::InvokeI18N(System.String,System.Object[])", e_i18n_invoke,
	  "Encoding.GetEncoding of an I18N code page: the classes of the code pages the"
	  " program names made directly (i18n.c), not loaded from I18N.dll by reflection" },
	{ "System.Delegate::DynamicInvokeImpl(System.Object[])", dynamic_invoke,
	  "through the MethodInfo of the delegate type's Invoke (kept for every constructed"
	  " delegate type once this is reachable), not the target's, which reflection need"
	  " not have kept" },
	{ "System.Linq.Expressions.Compiler.LambdaCompiler::Compile(System.Linq.Expressions.LambdaExpression)",
	  e_expr_compile, "Expression.Compile: a delegate interpreting the tree (expr.c,"
	  " lib/IlccExpr.cs), not IL made with Reflection.Emit" },
	{ "System.Xml.Serialization.XmlSerializer::.ctor(System.Type,System.String)", e_xml_ctor,
	  "XmlSerializer(Type): no reader and writer made at run time (Reflection.Emit or"
	  " CodeDom); the type kept for the reflection-driven ones of lib/IlccXml.cs (xmlser.c)" },
	{ "System.Xml.Serialization.XmlSerializerFactory::CreateSerializer(System.Type,System.String)",
	  e_xml_factory, "XmlSerializerFactory.CreateSerializer(Type): the XmlSerializer(Type)"
	  " above, no temporary assembly made and cached (xmlser.c)" },
	{ "System.Xml.Serialization.XmlSerializerFactory::CreateSerializer(System.Type,System.Xml.Serialization.XmlAttributeOverrides,System.Type[],System.Xml.Serialization.XmlRootAttribute,System.String,System.String,System.Security.Policy.Evidence)",
	  e_xml_factory_full, "XmlSerializerFactory.CreateSerializer with overrides, extra types or a"
	  " root: the XmlSerializer(Type) above without them, NotSupportedException with them"
	  " (no temporary assembly made: Reflection.Emit; xmlser.c)" },
	{ "System.Xml.Serialization.XmlSerializer::Serialize(System.Xml.XmlWriter,System.Object,System.Xml.Serialization.XmlSerializerNamespaces,System.String,System.String)",
	  e_xml_serialize, "XmlSerializer.Serialize: lib/IlccXml.cs writes by reflection (xmlser.c)" },
	{ "System.Xml.Serialization.XmlSerializer::Deserialize(System.Xml.XmlReader,System.String,System.Xml.Serialization.XmlDeserializationEvents)",
	  e_xml_deserialize, "XmlSerializer.Deserialize: lib/IlccXml.cs reads by reflection (xmlser.c)" },
	{ "System.Linq.Expressions.Expression::CreateLambda(System.Type,System.Linq.Expressions.Expression,System.String,System.Boolean,System.Collections.ObjectModel.ReadOnlyCollection`1<System.Linq.Expressions.ParameterExpression>)",
	  e_expr_create_lambda, "Expression<T>.Create called directly for the delegate types"
	  " the program names (expr.c), not found by MakeGenericType and CreateDelegate" },
	{ "System.Dynamic.Utils.TypeUtils::IsNullableType(System.Type)", e_expr_is_nullable,
	  "from the type descriptor, without Type.GetGenericTypeDefinition (reflection)" },
	{ "System.Nullable::GetUnderlyingType(System.Type)", e_expr_nullable_underlying,
	  "from the type descriptor, without Type.GetGenericTypeDefinition (reflection)" },
	{ "System.Delegate::GetMethodImpl()", delegate_method,
	  "Delegate.Method: the target found among the methods kept for reflection (every"
	  " delegate target once this is reachable) by the delegate's entry point" },
	{ "System.MonoCustomAttrs::GetCustomAttributesInternal(System.Reflection.ICustomAttributeProvider,System.Type,System.Boolean)",
	  custom_attrs, "from the attributes of kept members decoded at build time (attrs.c),"
	  " built by their kept constructors and setters" },
	{ "System.MonoCustomAttrs::IsDefinedInternal(System.Reflection.ICustomAttributeProvider,System.Type)",
	  attr_defined, "from the attributes decoded at build time (attrs.c)" },
	{ "System.MonoCustomAttrs::GetCustomAttributesDataInternal(System.Reflection.ICustomAttributeProvider)",
	  attrs_data, "CustomAttributeData of the attributes decoded at build time (attrs.c),"
	  " each holding its rt_attrs[] entry, not the metadata blob" },
	{ "System.Reflection.CustomAttributeData::ResolveArgumentsInternal(System.Reflection.ConstructorInfo,System.Reflection.Assembly,System.IntPtr,System.UInt32,System.Object[]&,System.Object[]&)",
	  attrs_resolve, "a CustomAttributeData's arguments from its rt_attrs[] entry"
	  " (runtime/attrs.c), not decoded from the metadata blob" },
	{ "System.Array::UnsafeMov(!!0)", unsafe_mov,
	  "JIT intrinsic (its IL boxes and unboxes, which fails for an enum over short or"
	  " byte read as int): the value's bytes as the other type" },
	{ "System.Net.WebRequest::PopulatePrefixList()", web_prefixes,
	  "WebRequest.Create's schemes as Mono's machine.config lists them, made directly:"
	  " its configuration system needs the entry assembly, XML and Type.GetType" },
	{ "System.Configuration.ClientConfigurationSystem::System.Configuration.Internal.IInternalConfigSystem.GetSection(System.String)",
	  no_config_section, "no configuration: every section absent, so the library's"
	  " defaults apply (Mono's reads machine.config and the .exe.config by the entry"
	  " assembly, XML and Type.GetType, none of which a program built ahead of time has)" },
	{ "System.Web.Configuration.WebConfigurationManager::GetSection(System.String,System.String,System.Web.HttpContext)",
	  no_config_section, "no System.Web configuration: every section absent, so the"
	  " library's defaults apply (Mono's reads the machine's web.config with a host made by"
	  " Activator.CreateInstance of a Type passed through an interface, and the sections'"
	  " types by name)" },
	{ "System.Web.Util.HttpEncoder::GetCustomEncoderFromConfig()", web_default_encoder,
	  "HttpUtility's encoder: HttpEncoder.Default, as Mono's machine web.config leaves it"
	  " (and Mono's mobile profile has it), without HttpRuntime's configuration" },
	{ "System.Configuration.ConfigurationSettings::GetConfig(System.String)", legacy_config,
	  "System.dll's configuration as Mono's machine.config sets it, without the"
	  " configuration system: an empty connectionManagement (2 connections per"
	  " server), every other section absent" },
	{ "System.Threading.Timer/Scheduler::Add(System.Threading.Timer)", timer_add,
	  "a timer that is never due (Timeout.Infinite) is not put in the scheduler's list;"
	  " Change puts it there when it gets a time" },
	{ "System.Threading.Timer/Scheduler::InternalRemove(System.Threading.Timer)", timer_remove,
	  "the timer leaves the scheduler's list now, not when the scheduler next wakes"
	  " (up to 90 s later for HttpListener's connections, which it held till then)" },
	{ "System.Security.Cryptography.CryptoConfig::CreateFromName(System.String)", crypto_by_name,
	  "CryptoConfig.CreateFromName(name), HashAlgorithm.Create(name)...: Mono's, finding by"
	  " reflection the classes of the algorithms the program's strings name (crypto_algos)" },
	{ "System.Security.Cryptography.MD5::Create()", crypto_create,
	  "MD5.Create(): MD5CryptoServiceProvider made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.SHA1::Create()", crypto_create,
	  "SHA1.Create(): SHA1CryptoServiceProvider made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.SHA256::Create()", crypto_create,
	  "SHA256.Create(): SHA256Managed made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.SHA384::Create()", crypto_create,
	  "SHA384.Create(): SHA384Managed made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.SHA512::Create()", crypto_create,
	  "SHA512.Create(): SHA512Managed made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.RIPEMD160::Create()", crypto_create,
	  "RIPEMD160.Create(): RIPEMD160Managed made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.HashAlgorithm::Create()", crypto_create,
	  "HashAlgorithm.Create(): SHA1CryptoServiceProvider made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.KeyedHashAlgorithm::Create()", crypto_create,
	  "KeyedHashAlgorithm.Create(): HMACSHA1 made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.HMAC::Create()", crypto_create,
	  "HMAC.Create(): HMACSHA1 made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.RandomNumberGenerator::Create()", crypto_create,
	  "RandomNumberGenerator.Create(): RNGCryptoServiceProvider made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.SymmetricAlgorithm::Create()", crypto_create,
	  "SymmetricAlgorithm.Create(): RijndaelManaged made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.Rijndael::Create()", crypto_create,
	  "Rijndael.Create(): RijndaelManaged made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.DES::Create()", crypto_create,
	  "DES.Create(): DESCryptoServiceProvider made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.TripleDES::Create()", crypto_create,
	  "TripleDES.Create(): TripleDESCryptoServiceProvider made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.RC2::Create()", crypto_create,
	  "RC2.Create(): RC2CryptoServiceProvider made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.Aes::Create()", crypto_create,
	  "Aes.Create(): AesCryptoServiceProvider made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.AsymmetricAlgorithm::Create()", crypto_create,
	  "AsymmetricAlgorithm.Create(): RSACryptoServiceProvider made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.RSA::Create()", crypto_create,
	  "RSA.Create(): RSACryptoServiceProvider made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "System.Security.Cryptography.DSA::Create()", crypto_create,
	  "DSA.Create(): DSACryptoServiceProvider made directly (crypto_algos), not by CryptoConfig's name lookup" },
	{ "SR::Format(System.String,System.Object[])", resource_keys,
	  "the message unformatted (rt_str_keyed): no String.Format", SW_RESOURCE_KEYS },
	{ "SR::Format(System.String,System.Object)", resource_keys,
	  "the message unformatted (rt_str_keyed)", SW_RESOURCE_KEYS },
	{ "SR::Format(System.String,System.Object,System.Object)", resource_keys,
	  "the message unformatted (rt_str_keyed)", SW_RESOURCE_KEYS },
	{ "SR::Format(System.String,System.Object,System.Object,System.Object)", resource_keys,
	  "the message unformatted (rt_str_keyed)", SW_RESOURCE_KEYS },
	{ "SR::Format(System.Globalization.CultureInfo,System.String,System.Object,System.Object)",
	  resource_keys, "the message unformatted (rt_str_keyed)", SW_RESOURCE_KEYS },
	{ "SR::GetString(System.String,System.Object[])", resource_keys,
	  "the message unformatted (rt_str_keyed)", SW_RESOURCE_KEYS },
	{ "SR::GetString(System.Globalization.CultureInfo,System.String,System.Object[])",
	  resource_keys, "the message unformatted (rt_str_keyed)", SW_RESOURCE_KEYS },
	{ "System.Environment::GetResourceString(System.String,System.Object[])", resource_keys,
	  "the message unformatted (rt_str_keyed)", SW_RESOURCE_KEYS },
	{ "Locale::GetText(System.String,System.Object[])", resource_keys,
	  "the message unformatted (rt_str_keyed)", SW_RESOURCE_KEYS },
	{ "System.IO.FileStream::GetSecureFileName(System.String)", path_as_given,
	  "the path as given in FileStream's error messages: no Path.GetFullPath",
	  SW_PATHS_AS_GIVEN },
	{ "System.IO.FileStream::GetSecureFileName(System.String,System.Boolean)", path_as_given,
	  "the path as given in FileStream's error messages: no Path.GetFullPath",
	  SW_PATHS_AS_GIVEN },
	{ "System.IO.Stream::Write(System.ReadOnlySpan`1<System.Byte>)", stream_write,
	  "through a new array (Ilcc.Core.Unpooled.Write, lib/IlccCore.cs), not one rented"
	  " from ArrayPool<byte>.Shared (its per-core stacks, trimming on Gen2 collections)",
	  SW_UNPOOLED_WRITES, emit_program_streams },
	{ "System.ByReference`1::.ctor(!0&)", byref_ctor,
	  "JIT intrinsic (its IL throws): keeps the managed pointer Span<T> stands on" },
	{ "System.ByReference`1::get_Value()", byref_value,
	  "JIT intrinsic (its IL throws): gives back the kept managed pointer" },
};

int emit_find_subst(Program *p, const char *key)
{
	for (size_t i = 0; i < countof(substs); i++)
		if (!strcmp(substs[i].key, key) && (substs[i].sw & p->switches) == substs[i].sw &&
		    (!substs[i].unless || !substs[i].unless(p)))
			return (int)i;
	return -1;
}

void e_subst_body(Fn *f, int which)
{
	substs[which].emit(f);
}

/* ---- helpers ---- */
static Type *generic(const char *ns, const char *name, Type *arg)
{
	Type *def = ty_corlib_type(ns, name);
	return ty_def(def->img, def->row, &arg, 1);
}

/* return new T() */
/* Object *var = new t(), leaving the method (returning NULL, the
 * exception pending) if that fails. */
void e_construct(Fn *f, Type *t, const char *var, const char *why)
{
	Method *ctor = ty_find_method(t, ".ctor", 0);
	if (!ctor)
		e_fn_error(f, "%s: %s has no parameterless constructor", why, t->name);
	reach_type(f->p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	reach_method(f->p, ctor, f->m, why);
	e_out(f, "Object *%s = %s;", var, e_new_expr(f, t));
	e_out(f, "if (!%s) return NULL;", var);
	e_out(f, "%s(%s);", ctor->cname, var);
	e_out(f, "if (rt_pending) return NULL;");
}

static void return_new(Fn *f, Type *t)
{
	e_construct(f, t, "o", "build-time substitution");
	e_out(f, "return o;");
}

static bool implements_generic(Type *t, const char *iface)
{
	Type *i = generic("System", iface, t);
	return t->img && ty_implements(t, i);
}

static Type *enum_underlying(Type *t)
{
	return t->kind == TY_STRUCT && ty_info(t)->is_enum ? ty_info(t)->underlying : NULL;
}

static Type *nullable_arg(Type *t)
{
	return t->kind == TY_STRUCT && ty_info(t)->is_nullable ? t->inst[0] : NULL;
}

/* ---- the substitutions ---- */
/* Mono's EqualityComparer<T>.CreateComparer, decided on T. */
static Type *equality_comparer_of(Type *t)
{
	const char *ns = "System.Collections.Generic";
	Type *u;
	if (t == ty_prim[TY_U1])
		return ty_corlib_type(ns, "ByteEqualityComparer");
	if (implements_generic(t, "IEquatable`1"))
		return generic(ns, "GenericEqualityComparer`1", t);
	if ((u = nullable_arg(t)) && implements_generic(u, "IEquatable`1"))
		return generic(ns, "NullableEqualityComparer`1", u);
	if ((u = enum_underlying(t))) {
		const char *c = u->kind == TY_I1 ? "SByteEnumEqualityComparer`1" :
			u->kind == TY_I2 ? "ShortEnumEqualityComparer`1" :
			u->kind == TY_I8 || u->kind == TY_U8 ? "LongEnumEqualityComparer`1" :
			"EnumEqualityComparer`1";
		return generic(ns, c, t);
	}
	return generic(ns, "ObjectEqualityComparer`1", t);
}

/* Mono's Comparer<T>.CreateComparer, decided on T. */
static Type *comparer_of(Type *t)
{
	const char *ns = "System.Collections.Generic";
	Type *u;
	if (implements_generic(t, "IComparable`1"))
		return generic(ns, "GenericComparer`1", t);
	if ((u = nullable_arg(t)) && implements_generic(u, "IComparable`1"))
		return generic(ns, "NullableComparer`1", u);
	return generic(ns, "ObjectComparer`1", t);
}

static void equality_comparer(Fn *f) { return_new(f, equality_comparer_of(f->m->owner->inst[0])); }
static void comparer(Fn *f) { return_new(f, comparer_of(f->m->owner->inst[0])); }

static bool is_corlib_def(const Type *t, const char *name)
{
	Type *def = ty_corlib_type("System.Collections.Generic", name);
	return t->img == def->img && t->row == def->row && t->ninst == 1;
}

Type *emit_default_comparer(Method *m)
{
	if (m->has_this || m->nparams || strcmp(m->name, "get_Default"))
		return NULL;
	if (is_corlib_def(m->owner, "EqualityComparer`1"))
		return equality_comparer_of(m->owner->inst[0]);
	if (is_corlib_def(m->owner, "Comparer`1"))
		return comparer_of(m->owner->inst[0]);
	return NULL;
}

/* Exception.GetClassName: "Ns.Name" of the exception's own type. */
static void exc_class_name(Fn *f)
{
	e_out(f, "const RtType *t = a0->type;");
	e_out(f, "size_t n = strlen(t->ns) + strlen(t->name) + 2;");
	e_out(f, "char *s = rt_gc_alloc_raw(n, true);");
	e_out(f, "strcpy(s, t->ns); if (*t->ns) strcat(s, \".\"); strcat(s, t->name);");
	e_out(f, "return (Object *)rt_str_from_utf8(s);");
}

/* The lvalue of Exception field `name` of object `obj`. */
static const char *exc_field(Fn *f, const char *obj, const char *name)
{
	TypeInfo *ti = ty_info(ty_exception);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (!strcmp(ti->fields[i]->name, name)) {
			reach_type(f->p, ty_exception, TN_LAYOUT, f->m);
			return arena_printf(&f->a, "((%s *)%s)->%s", emit_struct(ty_exception), obj,
					    ti->fields[i]->cname);
		}
	e_fn_error(f, "substitution: Exception has no field %s", name);
}

/* Exception.Message: _message, else Mono's default text. */
static void exc_message(Fn *f)
{
	e_out(f, "Object *m = %s;", exc_field(f, "a0", "_message"));
	e_out(f, "if (m) return m;");
	e_out(f, "const RtType *t = a0->type;");
	e_out(f, "char *s = rt_gc_alloc_raw(strlen(t->ns) + strlen(t->name) + 40, true);");
	e_out(f, "strcpy(s, \"Exception of type '\"); strcat(s, t->ns);");
	e_out(f, "if (*t->ns) strcat(s, \".\"); strcat(s, t->name);");
	e_out(f, "strcat(s, \"' was thrown.\");");
	e_out(f, "return (Object *)rt_str_from_utf8(s);");
}

/* Exception.GetStackTrace: the text the runtime writes from saved frames. */
static void exc_stack_trace(Fn *f)
{
	exc_field(f, "a0", "_stackTraceString");        /* the layout */
	e_out(f, "return (Object *)rt_exc_stack_trace(a0);");
}

/* Exception.Init as Mono's IL, less `_safeSerializationManager = new
 * SafeSerializationManager()`: every exception paid an allocation for
 * binary serialization. Only Exception's own methods read the field:
 * GetObjectData and OnDeserialized allow null, and the SerializeObjectState
 * accessors make the manager on first use (exc_ssm_event). */
static void exc_init(Fn *f)
{
	enum { COR_E_EXCEPTION = (int32_t)0x80131500 };
	reach_state(f->m)->keeps_this = true;   /* it only stores fields */
	e_out(f, "%s = NULL;", exc_field(f, "a0", "_message"));
	e_out(f, "%s = NULL;", exc_field(f, "a0", "_stackTrace"));
	e_out(f, "%s = NULL;", exc_field(f, "a0", "_dynamicMethods"));
	e_out(f, "%s = %d;", exc_field(f, "a0", "_HResult"), COR_E_EXCEPTION);
}

/* add_ or remove_SerializeObjectState(handler): the same accessor of the
 * exception's SafeSerializationManager, made first if Init did not. */
static void exc_ssm_event(Fn *f)
{
	Type *t = ty_corlib_type("System.Runtime.Serialization", "SafeSerializationManager");
	Method *ctor = ty_find_method(t, ".ctor", 0), *m = ty_find_method(t, f->m->name, 1);
	if (!ctor || !m)
		e_fn_error(f, "substitution: SafeSerializationManager has no %s", f->m->name);
	reach_type(f->p, t, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	reach_method(f->p, ctor, f->m, "build-time substitution");
	reach_method(f->p, m, f->m, "build-time substitution");
	const char *field = exc_field(f, "a0", "_safeSerializationManager");
	e_out(f, "if (!%s) {", field);
	e_out(f, "\tObject *made = rt_gc_alloc(&%s_type);", t->cname);
	e_out(f, "\tif (!made) return;");
	e_out(f, "\t%s(made);", ctor->cname);
	e_out(f, "\tif (rt_pending) return;");
	e_out(f, "\t%s = made;", field);
	e_out(f, "}");
	e_out(f, "%s(%s, a1);", m->cname, field);
}

/* ByReference<T> holds a managed pointer in its one field, _value. */
static const char *byref_field(Fn *f)
{
	Type *t = f->m->owner;
	reach_type(f->p, t, TN_LAYOUT, f->m);
	return arena_printf(&f->a, "((%s *)a0)->%s", emit_struct(t), ty_info(t)->fields[0]->cname);
}

static void byref_ctor(Fn *f)
{
	e_out(f, "%s = (intptr_t)a1;", byref_field(f));
}

static void byref_value(Fn *f)
{
	e_out(f, "return (char *)%s;", byref_field(f));
}

/* Activator.CreateInstance<T>(): a zeroed value, or T's parameterless
 * constructor; MissingMethodException when T has none. */
static void create_instance(Fn *f)
{
	Type *t = f->m->inst[0];
	reach_type(f->p, t, TN_LAYOUT, f->m);
	if (ty_is_valuetype(t)) {
		Method *ctor = t->img ? ty_find_method(t, ".ctor", 0) : NULL;
		e_out(f, "%s v; memset(&v, 0, sizeof v);", emit_ctype(t));
		if (ctor) {
			reach_method(f->p, ctor, f->m, "build-time substitution");
			e_out(f, "%s((char *)&v);", ctor->cname);
		}
		e_out(f, "return v;");
		return;
	}
	Method *ctor = t->img && !ty_info(t)->is_abstract ? ty_find_method(t, ".ctor", 0) : NULL;
	if (!ctor || (ctor->flags & 0x10)) {
		emit_need_exception(f->p, RT_EXC_MISSINGMETHOD);
		e_out(f, "rt_exc_throw_kind(RT_EXC_MISSINGMETHOD);");
		e_out(f, "return NULL;");
		return;
	}
	return_new(f, t);
}

/* RuntimeType.CreateInstanceDefaultCtor(publicOnly, skipCheckThis,
 * fillCache, wrapExceptions, ref stackMark): rt_type_create_default, and
 * what the constructor throws wrapped in TargetInvocationException. */
static void create_default(Fn *f)
{
	Type *tie = ty_corlib_type("System.Reflection", "TargetInvocationException");
	Method *ctor = ty_find_method(tie, ".ctor", 1);
	if (!ctor)
		e_fn_error(f, "substitution: TargetInvocationException has no .ctor(Exception)");
	reach_type(f->p, tie, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	reach_method(f->p, ctor, f->m, "build-time substitution");
	emit_need_exception(f->p, RT_EXC_MISSINGMETHOD);
	emit_need_exception(f->p, RT_EXC_NOTSUPP);
	e_out(f, "bool in_ctor_;");
	e_out(f, "Object *o_ = rt_type_create_default(a0, a1, &in_ctor_);");
	e_out(f, "if (!rt_pending || !in_ctor_ || !a4) return o_;");
	e_out(f, "Object *inner_ = rt_exc_catch();");
	e_out(f, "Object *w_ = rt_gc_alloc(&%s_type);", tie->cname);
	e_out(f, "if (!w_) return NULL;");
	e_out(f, "%s(w_, inner_);", ctor->cname);
	e_out(f, "if (!rt_pending) rt_exc_throw(w_);");
	e_out(f, "return NULL;");
}

static void contains_refs(Fn *f)
{
	Type *t = f->m->inst[0];
	bool refs = !ty_is_valuetype(t) || (t->kind == TY_STRUCT && !ty_info(t)->pointer_free) ||
		    t->kind == TY_TYPEDREF;
	e_out(f, "return %d;", refs);
}

/* Array.UnsafeMov<S, R>(s): s's bytes as an R (zero-extended when R is
 * bigger, as a little-endian load; JitHelpers.UnsafeEnumCast reads an
 * enum as int or long with it). References are the same pointer. */
static void unsafe_mov(Fn *f)
{
	Type *s = f->m->inst[0], *r = f->m->inst[1];
	if (!ty_is_valuetype(s) || !ty_is_valuetype(r)) {
		e_out(f, "return (%s)a0;", emit_ctype(r));
		return;
	}
	reach_type(f->p, s, TN_LAYOUT, f->m);
	reach_type(f->p, r, TN_LAYOUT, f->m);
	e_out(f, "%s r; memset(&r, 0, sizeof r);", emit_ctype(r));
	e_out(f, "memcpy(&r, &a0, sizeof a0 < sizeof r ? sizeof a0 : sizeof r);");
	e_out(f, "return r;");
}

/* Delegate.GetMethodImpl(): the MethodInfo of what the delegate calls
 * (a delegate made by CreateDelegate knows it; one made by newobj is
 * found by its entry point: reach_delegate_method keeps them all). */
static void delegate_method(Fn *f)
{
	reach_delegate_method(f->p, f->m);
	e_out(f, "return (%s)rt_delegate_method_info((Object *)a0);", emit_ctype(f->m->ret));
}

/* Delegate.DynamicInvokeImpl(args): Invoke's MethodInfo.Invoke(this,
 * args), so that arguments are checked and converted, ref ones copied
 * back, and exceptions wrapped in TargetInvocationException, as Mono's
 * MethodInfo.Invoke of the target does. */
static void dynamic_invoke(Fn *f)
{
	reach_dynamic_invoke(f->p, f->m);
	Type *rmi = ty_corlib_type("System.Reflection", "RuntimeMethodInfo");
	Method *inv = ty_find_method(rmi, "Invoke", 5);
	if (!inv)
		e_fn_error(f, "the class library's RuntimeMethodInfo has no Invoke of 5 arguments");
	reach_type(f->p, rmi, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	reach_method(f->p, inv, f->m, "Delegate.DynamicInvoke");
	e_out(f, "Object *mi = rt_delegate_invoke_info((Object *)a0);");
	e_out(f, "if (!mi) return NULL;");
	e_out(f, "return %s(mi, (%s)a0, 0, NULL, (%s)a1, NULL);", inv->cname,
	      emit_ctype(inv->params[0]), emit_ctype(inv->params[3]));
}

/* MonoCustomAttrs' internal calls: rt_attrs[], which holds what attrs.c
 * kept once the program's own code asked for attributes (il2c_reflect.c),
 * else nothing (Enum.ToString's [Flags] check reaches these in every
 * program). */
static void custom_attrs(Fn *f)
{
	reach_type(f->p, ty_sz(ty_corlib_type("System", "Attribute")),
		   TN_DESCRIPTOR | TN_CONSTRUCTED, f->m);
	e_out(f, "(void)a2;");
	e_out(f, "return (%s)rt_attrs_get((Object *)a0, (Object *)a1);", emit_ctype(f->m->ret));
}

static void attr_defined(Fn *f)
{
	e_out(f, "return rt_attrs_defined((Object *)a0, (Object *)a1);");
}

/* The constructor of t whose last of n parameters is object (any if !obj). */
static Method *ctor_of(Fn *f, Type *t, uint32_t n, bool obj)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *m = ti->methods[i];
		if (!strcmp(m->name, ".ctor") && m->nparams == n &&
		    (!obj || m->params[n - 1] == ty_object)) {
			reach_method(f->p, m, f->m, "build-time substitution: CustomAttributeData");
			return m;
		}
	}
	e_fn_error(f, "substitution: %s has no such constructor", t->name);
}

/* `kit`, the RtAttrDataKit of runtime/attrs.c. */
static void attrs_kit(Fn *f)
{
	Type *data = ty_corlib_type("System.Reflection", "CustomAttributeData");
	Type *typed = ty_corlib_type("System.Reflection", "CustomAttributeTypedArgument");
	Type *named = ty_corlib_type("System.Reflection", "CustomAttributeNamedArgument");
	Type *type = ty_corlib_type("System", "Type");
	Type *made[] = { data, ty_sz(data), typed, named, ty_sz(ty_object), ty_sz(type),
			 ty_corlib_type("System.Reflection", "RuntimeConstructorInfo") };
	for (uint32_t i = 0; i < countof(made); i++)
		reach_type(f->p, made[i], TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	e_out(f, "static const RtAttrDataKit kit = { &%s_type, &%s_type,", data->cname,
	      ty_sz(data)->cname);
	e_out(f, "	(void (*)(Object *, Object *, Object *, intptr_t, uint32_t))%s,",
	      ctor_of(f, data, 4, false)->cname);
	e_out(f, "	&%s_type, &%s_type, (void (*)(void *, Object *, Object *))%s,",
	      typed->cname, named->cname, ctor_of(f, typed, 2, true)->cname);
	e_out(f, "	(void (*)(void *, Object *, Object *))%s, &%s_type, &%s_type };",
	      ctor_of(f, named, 2, true)->cname, ty_sz(ty_object)->cname, type->cname);
}

/* MonoCustomAttrs.GetCustomAttributesDataInternal(provider) */
static void attrs_data(Fn *f)
{
	attrs_kit(f);
	e_out(f, "return (%s)rt_attrs_data((Object *)a0, &kit);", emit_ctype(f->m->ret));
}

/* CustomAttributeData.ResolveArgumentsInternal(ctor, assembly, data, length,
 * out ctorArgs, out namedArgs) */
static void attrs_resolve(Fn *f)
{
	attrs_kit(f);
	e_out(f, "(void)a0; (void)a1; (void)a3;");
	e_out(f, "rt_attrs_resolve(a2, (Object **)a4, (Object **)a5, &kit);");
}

/* Delegate field `name` of object `obj`. */
static const char *dlg_field(Fn *f, const char *obj, const char *name)
{
	TypeInfo *ti = ty_info(ty_delegate);
	for (uint32_t i = 0; i < ti->nfields; i++)
		if (!strcmp(ti->fields[i]->name, name)) {
			reach_type(f->p, ty_delegate, TN_LAYOUT | TN_DESCRIPTOR, f->m);
			return arena_printf(&f->a, "((%s *)%s)->%s", emit_struct(ty_delegate), obj,
					    ti->fields[i]->cname);
		}
	e_fn_error(f, "substitution: Delegate has no field %s", name);
}

static void delegate_equals(Fn *f)
{
	e_out(f, "Object *o = rt_type_isinst(a1, &%s_type);", ty_delegate->cname);
	e_out(f, "return o && %s == %s && (%s == %s || rt_delegate_same_method(o, (Object *)a0));",
	      dlg_field(f, "o", "m_target"), dlg_field(f, "a0", "m_target"),
	      dlg_field(f, "o", "method_ptr"), dlg_field(f, "a0", "method_ptr"));
}

static void delegate_hash(Fn *f)
{
	e_out(f, "uintptr_t p = (uintptr_t)%s;", dlg_field(f, "a0", "method_ptr"));
	e_out(f, "return (int32_t)(p ^ (p >> 32));");
}

/* The address of the one of mscorlib's resources `names` that argument
 * `arg` names, built into the program; 0 for any other name. */
static void embedded_resources(Fn *f, const char *const *names, size_t n, unsigned arg)
{
	e_out(f, "const char *name = a%u ? rt_str_to_utf8((RtString *)a%u) : \"\";", arg, arg);
	for (size_t i = 0; i < n; i++) {
		uint32_t r = md_find_resource(ty_corlib, names[i]);
		Blob data = r ? md_resource(ty_corlib, r) : (Blob){0};
		if (!data.len)
			continue;
		buf_printf(&f->out, "\tstatic const uint8_t r%zu[%u] __attribute__((aligned(16))) = {\n",
			   i, data.len);
		emit_u8_list(&f->out, data.p, data.len, 32, "", ",\n");
		buf_puts(&f->out, " };\n");
		e_out(f, "if (!strcmp(name, \"%s\")) return (%s)r%zu;", names[i],
		      emit_ctype(f->m->ret), i);
	}
	e_out(f, "return 0;");
}

/* MSCompatUnicodeTable.GetResource(name): the invariant culture uses only
 * the core table and the tailorings; the CJK tables read as absent. */
static void collation_resource(Fn *f)
{
	static const char *const names[] = { "collation.core.bin", "collation.tailoring.bin" };
	embedded_resources(f, names, countof(names), 0);
}

/* GlobalizationAssembly.GetGlobalizationResourceBytePtr(assembly, name):
 * the Unicode character data (char.IsPunctuation, GetUnicodeCategory ...). */
static void globalization_resource(Fn *f)
{
	static const char *const names[] = { "charinfo.nlp" };
	embedded_resources(f, names, countof(names), 1);
}

/* AppDomain.CurrentDomain: one AppDomain, made on first use and kept as a
 * GC root. */
static void current_domain(Fn *f)
{
	e_out(f, "static Object *domain;");
	e_out(f, "Object *d = __atomic_load_n(&domain, __ATOMIC_ACQUIRE);");
	e_out(f, "if (d) return d;");
	e_construct(f, f->m->owner, "made", "build-time substitution");
	e_out(f, "Object *none = NULL;");
	e_out(f, "if (!__atomic_compare_exchange_n(&domain, &none, made, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))");
	e_out(f, "\treturn none;");
	e_out(f, "rt_gc_add_roots(&domain, &domain + 1);");
	e_out(f, "return made;");
}

/* The setup object, made once: new AppDomainSetup() with ApplicationBase
 * and ConfigurationFile set as Mono's runtime sets them. */
static void domain_setup(Fn *f)
{
	Type *t = ty_corlib_type("System", "AppDomainSetup");
	Method *base = ty_find_method(t, "set_ApplicationBase", 1);
	Method *config = ty_find_method(t, "set_ConfigurationFile", 1);
	if (!base || !config)
		e_fn_error(f, "substitution: AppDomainSetup has no ApplicationBase or ConfigurationFile");
	reach_method(f->p, base, f->m, "build-time substitution");
	reach_method(f->p, config, f->m, "build-time substitution");
	e_out(f, "static Object *setup;");
	e_out(f, "Object *s = __atomic_load_n(&setup, __ATOMIC_ACQUIRE);");
	e_out(f, "if (s) return s;");
	e_construct(f, t, "made", "build-time substitution");
	e_out(f, "%s(made, (Object *)rt_domain_base());", base->cname);
	e_out(f, "%s(made, (Object *)rt_domain_config());", config->cname);
	e_out(f, "Object *none = NULL;");
	e_out(f, "if (!__atomic_compare_exchange_n(&setup, &none, made, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))");
	e_out(f, "\treturn none;");
	e_out(f, "rt_gc_add_roots(&setup, &setup + 1);");
	e_out(f, "return made;");
}

/* return new Mono.X509PalImplMono() */
static void x509_pal(Fn *f)
{
	Image *img = f->m->owner->img;
	uint32_t row = ld_find_type(img, "Mono", "X509PalImplMono");
	if (!row)
		e_fn_error(f, "substitution: %s has no Mono.X509PalImplMono", img->path);
	e_construct(f, ty_def(img, row, NULL, 0), "pal", "build-time substitution");
	e_out(f, "return pal;");
}

/* return null: the section is absent */
static void no_config_section(Fn *f)
{
	e_out(f, "return NULL;");
}

static Type *type_in(Fn *f, Image *img, const char *ns, const char *name);

/* return HttpEncoder.Default */
static void web_default_encoder(Fn *f)
{
	Method *d = ty_find_method(f->m->owner, "get_Default", 0);
	if (!d)
		e_fn_error(f, "substitution: HttpEncoder has no Default");
	reach_method(f->p, d, f->m, "build-time substitution");
	e_out(f, "return %s();", d->cname);
}

/* return key == "system.net/connectionManagement"
 *	? new ConnectionManagementData(null) : null; */
static void legacy_config(Fn *f)
{
	Type *data = type_in(f, f->m->owner->img, "System.Net.Configuration",
			     "ConnectionManagementData");
	Method *ctor = ty_find_method(data, ".ctor", 1);
	if (!ctor)
		e_fn_error(f, "substitution: ConnectionManagementData has no (object) constructor");
	reach_type(f->p, data, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	reach_method(f->p, ctor, f->m, "build-time substitution");
	e_out(f, "if (!a0 || __builtin_strcmp(rt_str_to_utf8((RtString *)a0),"
	      " \"system.net/connectionManagement\")) return NULL;");
	e_out(f, "Object *o = %s;", e_new_expr(f, data));
	e_out(f, "if (!o) return NULL;");
	e_out(f, "%s((%s)o, NULL);", ctor->cname, emit_this_ctype(data));
	e_out(f, "return rt_pending ? NULL : o;");
}

static Type *type_in(Fn *f, Image *img, const char *ns, const char *name)
{
	uint32_t row = ld_find_type(img, ns, name);
	if (!row)
		e_fn_error(f, "substitution: %s has no %s.%s", img->path, ns, name);
	return ty_def(img, row, NULL, 0);
}

/* The class each parameterless Create() of a cryptographic algorithm makes
 * under Mono (CryptoConfig's defaults): in the algorithm's own assembly
 * unless the name says another.
 * Mono finds it by name and makes it with Activator.CreateInstance(Type),
 * for which nothing would keep its constructor: null before this table. */
static const struct {
	const char *algo, *impl;
} crypto_algos[] = {
	{ "MD5", "MD5CryptoServiceProvider" },
	{ "SHA1", "SHA1CryptoServiceProvider" },
	{ "SHA256", "SHA256Managed" },
	{ "SHA384", "SHA384Managed" },
	{ "SHA512", "SHA512Managed" },
	{ "RIPEMD160", "RIPEMD160Managed" },
	{ "HashAlgorithm", "SHA1CryptoServiceProvider" },
	{ "KeyedHashAlgorithm", "HMACSHA1" },
	{ "HMAC", "HMACSHA1" },
	{ "RandomNumberGenerator", "RNGCryptoServiceProvider" },
	{ "SymmetricAlgorithm", "RijndaelManaged" },
	{ "Rijndael", "RijndaelManaged" },
	{ "DES", "DESCryptoServiceProvider" },
	{ "TripleDES", "TripleDESCryptoServiceProvider" },
	{ "RC2", "RC2CryptoServiceProvider" },
	{ "Aes", "AesCryptoServiceProvider, System.Core" },
	{ "AsymmetricAlgorithm", "RSACryptoServiceProvider" },
	{ "RSA", "RSACryptoServiceProvider" },
	{ "DSA", "DSACryptoServiceProvider" },
};

/* crypto_algos[i]'s class */
static Type *crypto_impl(Fn *f, size_t i)
{
	const char *impl = arena_printf(&f->a, "System.Security.Cryptography.%s",
					crypto_algos[i].impl);
	Type *t = strchr(impl, ',') ? directives_find_type(f->p, impl) :
		type_in(f, ty_corlib, "System.Security.Cryptography", crypto_algos[i].impl);
	if (!t)
		e_fn_error(f, "substitution: no %s", impl);
	return t;
}

/* return new IMPL() for ALGO.Create() (crypto_algos) */
static void crypto_create(Fn *f)
{
	const char *algo = strrchr(f->m->owner->name, '.') + 1;
	for (size_t i = 0; i < countof(crypto_algos); i++)
		if (!strcmp(algo, crypto_algos[i].algo)) {
			Type *t = crypto_impl(f, i);
			return_new(f, t);
			/* CryptoConfig.CreateFromName finds it too (by reflection) */
			reach_reflect_method(f->p, ty_default_ctor(t), f->m);
			return;
		}
	e_fn_error(f, "substitution: no class for %s.Create()", algo);
}

/* Is s (a user string) crypto_algos[i]'s name, with or without the
 * namespace and dashes ("SHA-256"), or its class's? */
static bool names_algo(const char *s, size_t i)
{
	static const char ns[] = "System.Security.Cryptography.";
	if (!strncmp(s, ns, sizeof ns - 1))
		s += sizeof ns - 1;
	char plain[40];
	size_t k = 0;
	for (; *s && k + 1 < sizeof plain; s++)
		if (*s != '-')
			plain[k++] = *s;
	plain[k] = 0;
	size_t n = strcspn(crypto_algos[i].impl, ",");
	return !strcasecmp(plain, crypto_algos[i].algo) ||
	       (strlen(plain) == n && !strncmp(plain, crypto_algos[i].impl, n));
}

static void keep_named_algo(const char *s, void *ctx)
{
	Fn *f = ctx;
	for (size_t i = 0; i < countof(crypto_algos); i++)
		if (names_algo(s, i))
			reach_reflect_method(f->p, ty_default_ctor(crypto_impl(f, i)), f->m);
}

/* CryptoConfig.CreateFromName(name): Mono's, after keeping for reflection
 * the classes of the algorithms the program's strings name. */
static void crypto_by_name(Fn *f)
{
	emit_user_strings(f->p->img, keep_named_algo, f);
	Method *two = ty_find_method(f->m->owner, "CreateFromName", 2);
	if (!two)
		e_fn_error(f, "substitution: CryptoConfig has no CreateFromName(string, object[])");
	reach_method(f->p, two, f->m, "build-time substitution");
	e_out(f, "return %s(a0, NULL);", two->cname);
}

/* The constructor WebRequestPrefixElement(string, IWebRequestCreate). */
static Method *prefix_ctor(Fn *f, Type *el)
{
	TypeInfo *ti = ty_info(el);
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *m = ti->methods[i];
		if (!strcmp(m->name, ".ctor") && m->nparams == 2 && m->params[1]->kind == TY_CLASS &&
		    ty_info(m->params[1])->is_interface)
			return m;
	}
	e_fn_error(f, "substitution: WebRequestPrefixElement has no (string, IWebRequestCreate)"
		   " constructor");
	return NULL;
}

/* var list = new ArrayList(); for each scheme of Mono's machine.config:
 * list.Add(new WebRequestPrefixElement(scheme, new Creator())); */
static void web_prefixes(Fn *f)
{
	static const struct { const char *scheme, *creator; } mods[] = {
		{ "http", "HttpRequestCreator" }, { "https", "HttpRequestCreator" },
		{ "file", "FileWebRequestCreator" }, { "ftp", "FtpWebRequestCreator" },
	};
	const char *why = "build-time substitution";
	Image *img = f->m->owner->img;
	Type *list = ty_corlib_type("System.Collections", "ArrayList");
	Type *el = type_in(f, img, "System.Net", "WebRequestPrefixElement");
	Method *add = ty_find_method(list, "Add", 1), *ctor = prefix_ctor(f, el);
	reach_type(f->p, el, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	reach_method(f->p, add, f->m, why);
	reach_method(f->p, ctor, f->m, why);
	e_construct(f, list, "list", why);
	for (unsigned i = 0; i < countof(mods); i++) {
		const char *c = arena_printf(&f->a, "c%u", i);
		e_construct(f, type_in(f, img, "System.Net", mods[i].creator), c, why);
		e_out(f, "Object *e%u = %s;", i, e_new_expr(f, el));
		e_out(f, "if (!e%u) return NULL;", i);
		e_out(f, "%s((%s)e%u, (%s)rt_str_from_utf8(\"%s\"), (%s)%s);", ctor->cname,
		      emit_this_ctype(el), i, emit_ctype(ctor->params[0]), mods[i].scheme,
		      emit_ctype(ctor->params[1]), c);
		e_out(f, "if (rt_pending) return NULL;");
		e_out(f, "%s((%s)list, (%s)e%u);", add->cname, emit_this_ctype(list),
		      emit_ctype(add->params[0]), i);
		e_out(f, "if (rt_pending) return NULL;");
	}
	e_out(f, "return (%s)list;", emit_ctype(f->m->ret));
}

/* The one domain, AppDomain.getCurDomain()'s (above). */
static void the_domain(Fn *f)
{
	Method *cur = ty_find_method(f->m->owner, "getCurDomain", 0);
	if (!cur)
		e_fn_error(f, "substitution: AppDomain has no getCurDomain");
	reach_method(f->p, cur, f->m, "build-time substitution");
	e_out(f, "return %s();", cur->cname);
}

/* return this.GetValue(obj, BindingFlags.Default, null, index, null) */
static void property_get_value(Fn *f)
{
	Method *full = ty_find_method(f->m->owner, "GetValue", 5);
	if (!full)
		e_fn_error(f, "substitution: RuntimePropertyInfo has no GetValue with 5 parameters");
	reach_method(f->p, full, f->m, "build-time substitution");
	e_out(f, "return %s(a0, a1, 0, NULL, a2, NULL);", full->cname);
}

static void add_event_handler(Fn *f)
{
	Method *get = ty_find_method(f->m->owner, "GetAddMethod", 0);
	Type *rmi = ty_corlib_type("System.Reflection", "RuntimeMethodInfo");
	Method *inv = ty_find_method(rmi, "Invoke", 5);
	if (!get || !inv)
		e_fn_error(f, "substitution: EventInfo.GetAddMethod() or RuntimeMethodInfo.Invoke missing");
	Type *objs = ty_sz(ty_object);
	reach_method(f->p, get, f->m, "build-time substitution");
	reach_method(f->p, inv, f->m, "build-time substitution");
	reach_type(f->p, objs, TN_DESCRIPTOR | TN_CONSTRUCTED, f->m);
	emit_need_exception(f->p, RT_EXC_INVALIDOP);
	e_out(f, "Object *add = (Object *)%s(a0);", get->cname);
	e_out(f, "if (!add) {");
	e_out(f, "\tif (!rt_pending) rt_exc_throw_msg(RT_EXC_INVALIDOP, \"Cannot add the event"
	      " handler since no public add method exists for the event.\");");
	e_out(f, "\treturn;\n}");
	e_out(f, "RtArray *args = rt_gc_alloc_array(&%s_type, 1);", objs->cname);
	e_out(f, "if (!args) return;");
	e_out(f, "RT_ARRAY_DATA(args, Object *)[0] = (Object *)a2;");
	e_out(f, "%s((%s)add, (%s)a1, 0, NULL, (%s)args, NULL);", inv->cname,
	      emit_ctype(inv->owner), emit_ctype(inv->params[0]), emit_ctype(inv->params[3]));
}

/* ---- feature switches (features.c) ---- */
/* SR.Format, SR.GetString, Locale.GetText with arguments: the format
 * (after an optional CultureInfo), then the string arguments, whether
 * passed one by one or as object[]. */
static void resource_keys(Fn *f)
{
	Method *m = f->m;
	uint32_t fmt = m->params[0] == ty_string ? 0 : 1;
	uint32_t first = fmt + 1, n = m->nparams - first;
	if (n == 1 && m->params[first]->kind == TY_SZARRAY) {
		e_out(f, "Object *a = (Object *)a%u;", first);
		e_out(f, "return rt_str_keyed((Object *)a%u, a ? RT_ARRAY_DATA(a, Object *) : NULL,"
		      " a ? (int32_t)((RtArray *)a)->length : 0);", fmt);
		return;
	}
	Buf b = {0};
	for (uint32_t i = first; i < m->nparams; i++)
		buf_printf(&b, "%s(Object *)a%u", i > first ? ", " : "", i);
	e_out(f, "Object *args[] = { %s };", b.s);
	buf_free(&b);
	e_out(f, "return rt_str_keyed((Object *)a%u, args, %u);", fmt, n);
}

/* FileStream.GetSecureFileName: the name as given (it names the file in
 * I/O errors). */
static void path_as_given(Fn *f)
{
	e_out(f, "return a%u;", f->m->has_this ? 1 : 0);
}

/* Stream.Write(ReadOnlySpan<byte>) (unpooled-writes): IlccCore.dll's
 * Ilcc.Core.Unpooled.Write copies the span into a new array and calls
 * the stream's Write(byte[], int, int), as Mono's body does with a
 * rented one. */
static void stream_write(Fn *f)
{
	const char *path = emit_support_path("IlccCore.dll");
	Image *img = path ? ld_open(f->p->ld, path) : NULL;
	uint32_t row = img ? ld_find_type(img, "Ilcc.Core", "Unpooled") : 0;
	Method *m = row ? ty_find_method(ty_def(img, row, NULL, 0), "Write", 2) : NULL;
	if (!m)
		e_fn_error(f, "substitution: no Ilcc.Core.Unpooled::Write in IlccCore.dll beside ilcc");
	reach_method(f->p, m, f->m, "build-time substitution: a write without ArrayPool");
	e_out(f, "%s(a0, a1);", m->cname);
}

/* ---- the default encoding ---- */
/* t's static method `name` whose only parameter is `first` (NULL: none),
 * reached. */
static Method *reach_static(Fn *f, Type *t, const char *name, Type *first)
{
	TypeInfo *ti = ty_info(t);
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *m = ti->methods[i];
		if (!strcmp(m->name, name) && !m->has_this &&
		    (first ? m->nparams == 1 && m->params[0] == first : m->nparams == 0)) {
			/* called without the check a static constructor would need */
			if (t != f->m->owner && ti->cctor && !(ti->flags & TF_BEFOREFIELDINIT))
				e_fn_error(f, "substitution: %s needs its static constructor run", t->name);
			reach_method(f->p, m, f->m, "build-time substitution");
			return m;
		}
	}
	e_fn_error(f, "substitution: %s has no static %s", t->name, name);
}

/* Mono's EncodingHelper.GetDefaultEncoding maps the locale's code (the
 * runtime's InternalCodePage gives 1 to 6, or -1 and the character set's
 * name) to a code page and calls Encoding.GetEncoding; whatever that
 * cannot give (NotSupportedException, ArgumentException) becomes UTF-8
 * without a byte-order mark. Without the I18N assemblies GetEncoding
 * gives a registered EncodingProvider's encoding, else for 20127, 65001,
 * 1200 and 1201 the built-in one; 65007 (code 2) and 1252 (code 6) are
 * I18N code pages. For -1 only a provider can know the name: every name
 * of a built-in encoding that glibc reports is in the runtime's table.
 * Not the same: an exception a provider raises is not caught here. */
static void default_encoding(Fn *f)
{
	static const char *const builtin[] = { "get_ASCII", NULL, "get_UTF8",
					       "get_Unicode", "get_BigEndianUnicode", NULL };
	static const int32_t pages[] = { 20127, 65007, 65001, 1200, 1201, 1252 };
	Type *enc = ty_corlib_type("System.Text", "Encoding");
	Type *prov = ty_corlib_type("System.Text", "EncodingProvider");
	Method *code = reach_static(f, f->m->owner, "InternalCodePage", ty_byref(ty_prim[TY_I4]));
	Method *by_page = reach_static(f, prov, "GetEncodingFromProvider", ty_prim[TY_I4]);
	Method *by_name = reach_static(f, prov, "GetEncodingFromProvider", ty_string);
	Method *unmarked = reach_static(f, f->m->owner, "get_UTF8Unmarked", NULL);
	e_out(f, "static const int32_t pages[] = { %d, %d, %d, %d, %d, %d };", pages[0],
	      pages[1], pages[2], pages[3], pages[4], pages[5]);
	e_out(f, "int32_t c = 1;");
	e_out(f, "Object *name = %s((char *)&c), *e = NULL;", code->cname);
	e_out(f, "if (rt_pending) return NULL;");
	e_out(f, "int32_t k = c == -1 ? -1 : (c & 0x0fffffff) - 1;");
	e_out(f, "if (k == -1) e = %s(name);", by_name->cname);
	e_out(f, "else if (k >= 0 && k < 6) e = %s(pages[k]);", by_page->cname);
	e_out(f, "if (rt_pending || e) return e;");
	e_out(f, "switch (k) {");
	for (size_t i = 0; i < countof(builtin); i++)
		if (builtin[i])
			e_out(f, "case %zu: return %s();", i,
			      reach_static(f, enc, builtin[i], NULL)->cname);
	e_out(f, "}");
	e_out(f, "return %s();", unmarked->cname);
}

/* ---- Timer's scheduler (Mono's Timer.Scheduler keeps its timers in a
 * List<Timer>, under lock(this) in every caller of these two) ---- */

/* The scheduler's list type and the method `name` of it, made reachable. */
static Method *timer_list_method(Fn *f, const char *name, uint32_t nparams)
{
	Type *list = e_field(f->m->owner, "list")->type;
	Method *m = ty_find_method(list, name, nparams);
	if (!m)
		e_fn_error(f, "substitution: %s has no %s", list->name, name);
	reach_method(f->p, m, f->m, "build-time substitution");
	return m;
}

/* if (timer.next_run == long.MaxValue) return;  then Mono's Add:
 * timer.is_added = true; needReSort = true; list.Add(timer);
 * if (list.Count == 1) WakeupScheduler(); */
static void timer_add(Fn *f)
{
	Type *sched = f->m->owner, *timer = f->m->params[0];
	Type *list = e_field(sched, "list")->type;
	Method *add = timer_list_method(f, "Add", 1);
	Method *wake = ty_find_method(sched, "WakeupScheduler", 0);
	if (!wake)
		e_fn_error(f, "substitution: Timer.Scheduler has no WakeupScheduler");
	reach_method(f->p, wake, f->m, "build-time substitution");
	e_out(f, "if (%s == INT64_MAX) return;", e_field_lv(f, timer, "a1", "next_run"));
	e_out(f, "%s = 1;", e_field_lv(f, timer, "a1", "is_added"));
	e_out(f, "%s = 1;", e_field_lv(f, sched, "a0", "needReSort"));
	e_out(f, "Object *l = (Object *)%s;", e_field_lv(f, sched, "a0", "list"));
	e_out(f, "%s((%s)l, (%s)a1);", add->cname, emit_this_ctype(list), emit_ctype(add->params[0]));
	e_out(f, "if (rt_pending) return;");
	e_out(f, "if (%s == 1) %s(a0);", e_field_lv(f, list, "l", "_size"), wake->cname);
}

/* Mono's InternalRemove marks the timer dead (timer.is_dead = true;
 * needReSort = true) and leaves it in the list; here it also leaves:
 * if (timer.is_added) { timer.is_added = false; list.RemoveAt(its index); } */
static void timer_remove(Fn *f)
{
	Type *sched = f->m->owner, *timer = f->m->params[0];
	Type *list = e_field(sched, "list")->type;
	Method *remove_at = timer_list_method(f, "RemoveAt", 1);
	e_out(f, "%s = 1;", e_field_lv(f, timer, "a1", "is_dead"));
	e_out(f, "%s = 1;", e_field_lv(f, sched, "a0", "needReSort"));
	e_out(f, "if (!%s) return;", e_field_lv(f, timer, "a1", "is_added"));
	e_out(f, "%s = 0;", e_field_lv(f, timer, "a1", "is_added"));
	e_out(f, "Object *l = (Object *)%s;", e_field_lv(f, sched, "a0", "list"));
	e_out(f, "Object *items = (Object *)%s;", e_field_lv(f, list, "l", "_items"));
	e_out(f, "for (int32_t i = %s - 1; i >= 0; i--)", e_field_lv(f, list, "l", "_size"));
	e_out(f, "\tif (RT_ARRAY_DATA(items, Object *)[i] == (Object *)a1) {");
	e_out(f, "\t\t%s((%s)l, i);", remove_at->cname, emit_this_ctype(list));
	e_out(f, "\t\treturn;");
	e_out(f, "\t}");
}

void emit_subst_keys(KeyFn *fn, void *ctx)
{
	for (size_t i = 0; i < countof(substs); i++)
		fn(ctx, KEY_METHOD, substs[i].key, "subst.c substs");
}
