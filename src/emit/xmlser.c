/* xmlser: XmlSerializer without generated code (docs/design.md,
 * "XmlSerializer").
 *
 * Mono 6.8's XmlSerializer makes a reader and a writer per type at run
 * time (Reflection.Emit or C# through CodeDom). ilcc substitutes three of
 * its methods by build/IlccXml.dll (lib/IlccXml.cs, C# compiled into the
 * program like the class library), which walks the objects by reflection:
 * the constructor from a Type checks the type and keeps it in the
 * serializer's primitiveType field (its mapping and temporary assembly are
 * never made), and the two methods every Serialize and Deserialize
 * overload ends in pass that type on with the XmlWriter or XmlReader.
 * XmlSerializerFactory.CreateSerializer(Type, string) is that constructor.
 * What reflection needs of the type is kept by the constructor's dataflow
 * rule (il2c_reflect.c "serializer").
 *
 * Requires: il2c's Fn of the substituted method. Produces: its body, and
 * the support method reached.
 */
#include "il2c.h"
#include "../../runtime/rt.h"

#include <string.h>

static Method *support(Fn *f, const char *name, int nparams)
{
	Method *m = emit_support_method(f->p, "IlccXml.dll", "XmlSerializer", "Ilcc.Xml",
					"Serializer", name, nparams);
	reach_method(f->p, m, f->m, "build-time substitution: XmlSerializer by reflection");
	return m;
}

static bool param_is_type(Method *m, uint32_t i)
{
	return i < m->nparams && !strcmp(m->params[i]->name, "System.Type");
}

static const char *type_of(Fn *f, const char *obj)
{
	return e_field_lv(f, f->m->owner, obj, "primitiveType");
}

/* XmlSerializer(Type type, string defaultNamespace) */
void e_xml_ctor(Fn *f)
{
	e_out(f, "%s(a1, a2);", support(f, "Check", 2)->cname);
	e_out(f, "if (!rt_pending)");
	e_out(f, "\t%s = a1;", type_of(f, "a0"));
}

/* XmlSerializer's (Type, string) constructor, the one substituted above
 * (its other two-parameter constructors make a temporary assembly) */
static Method *string_ctor(Type *xs)
{
	TypeInfo *ti = ty_info(xs);
	for (uint32_t i = 0; i < ti->nmethods; i++) {
		Method *m = ti->methods[i];
		if (!strcmp(m->name, ".ctor") && m->nparams == 2 && param_is_type(m, 0) &&
		    m->params[1] == ty_string)
			return m;
	}
	return NULL;
}

/* return new XmlSerializer(type, ns), the constructor above */
static void return_serializer(Fn *f, const char *type, const char *ns)
{
	Type *xs = f->m->ret;
	Method *ctor = string_ctor(xs);
	if (!ctor)
		e_fn_error(f, "substitution: XmlSerializer has no (Type, string) constructor");
	reach_type(f->p, xs, TN_DESCRIPTOR | TN_CONSTRUCTED | TN_LAYOUT, f->m);
	reach_method(f->p, ctor, f->m, "build-time substitution: XmlSerializer by reflection");
	e_out(f, "Object *o = %s;", e_new_expr(f, xs));
	e_out(f, "if (!o) return NULL;");
	e_out(f, "%s((%s)o, %s, %s);", ctor->cname, emit_this_ctype(xs), type, ns);
	e_out(f, "return rt_pending ? NULL : o;");
}

/* XmlSerializerFactory.CreateSerializer(Type type, string defaultNamespace):
 * the XmlSerializer(Type, string) constructor (Mono's makes and caches a
 * temporary assembly) */
void e_xml_factory(Fn *f)
{
	return_serializer(f, "a1", "a2");
}

/* CreateSerializer(type, overrides, extraTypes, root, defaultNamespace,
 * location, evidence), which the other overloads and DataTable's columns
 * of other types reach: the same without overrides, extra types or a root;
 * NotSupportedException with them (lib/IlccXml.cs has none of those). */
void e_xml_factory_full(Fn *f)
{
	emit_need_exception(f->p, RT_EXC_NOTSUPP);
	e_out(f, "if (a2 || (a3 && ((RtArray *)a3)->length) || a4) {");
	e_out(f, "rt_exc_throw_msg(RT_EXC_NOTSUPP, \"ilcc: XmlSerializer with attribute overrides,"
	      " extra types or a root attribute is not supported\");");
	e_out(f, "return NULL;");
	e_out(f, "}");
	return_serializer(f, "a1", "a5");
}

/* Serialize(XmlWriter, object, XmlSerializerNamespaces, string, string) */
void e_xml_serialize(Fn *f)
{
	e_out(f, "%s(%s, a1, a2, a3);", support(f, "Serialize", 4)->cname, type_of(f, "a0"));
}

/* Deserialize(XmlReader, string, XmlDeserializationEvents) */
void e_xml_deserialize(Fn *f)
{
	e_out(f, "return %s(%s, a1);", support(f, "Deserialize", 2)->cname, type_of(f, "a0"));
}
