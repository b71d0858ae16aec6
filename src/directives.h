/* directives: what the user tells the compiler to keep for reflection,
 * beyond what reachability finds: rd.xml files (--rd, .NET Native's
 * format) and ILLink descriptors (--descriptor).
 *
 * Requires: reach initialised; called before reach_run. Provides: every
 * type, method, property and field a directive names is kept: compiled,
 * with its type descriptor, visible to reflection (rt_methods,
 * rt_properties, Activator.CreateInstance(Type) through the default
 * constructor, Type.GetType(name)); --why names the directive's file and
 * line as the reason. Malformed XML or a wrong root element is a fatal
 * error with file, line and column; a type, assembly or member that does
 * not exist is a warning so, and the directive keeps nothing.
 *
 * rd.xml: <Directives><Application> holding <Assembly Name=...>,
 * <Namespace Name=...> (inside an Assembly), <Type Name=...> and
 * <TypeInstantiation Name=... Arguments=...>, each with a degree in
 * Dynamic (everything), Activate (constructors), Browse (methods and
 * properties) or Serialize (constructors, properties, fields), "Public"
 * degrees keeping public members only; inside a type, <Method Name=...
 * [Signature="(System.Int32)"]>, <Property Name=...>, <Field Name=...>.
 * Descriptors: <linker><assembly fullname=... [preserve="all"]><type
 * fullname=... preserve="all|fields|methods|nothing"> with <method
 * name=... | signature=...>, <field name=...>, <property name=...>; a type
 * with no members listed and no preserve keeps everything.
 */
#ifndef ILCC_DIRECTIVES_H
#define ILCC_DIRECTIVES_H

#include "reach.h"

void directives_apply(Program *p, const char *path, bool is_descriptor);
/* The type "Ns.Name" (nested "Ns.Outer+Inner", optionally ", Assembly")
 * among the program's assemblies, or NULL. */
Type *directives_find_type(Program *p, const char *name);
/* m is reached: what its [DynamicDependency] attributes name is kept as a
 * directive keeps it (recognised by full name, so the program may declare
 * the attribute itself). Member signatures "Name", "Name(System.Int32)",
 * "#ctor(...)"; DynamicallyAccessedMemberTypes as degrees. */
void directives_dynamic_dependency(Program *p, Method *m);
/* --trim=partial: every type of img (but generic definitions, which have
 * no code until instantiated) kept with all its members, as an rd.xml
 * <Assembly Dynamic="Required All"> keeps them; `why` for --why. */
void directives_keep_assembly(Program *p, Image *img, const char *why);
/* [DynamicallyAccessedMembers(kinds)] on metadata row `parent` (a Param
 * or GenericParam): true, and the kinds (DynamicallyAccessedMemberTypes). */
bool directives_dam(Image *img, Token parent, int64_t *kinds);
/* t's members of those kinds kept for reflection, `why` the method whose
 * call passed t (il2c_reflect.c's dataflow). */
void directives_keep_members(Program *p, Type *t, int64_t kinds, Method *why);
/* A serializer's root type t (new XmlSerializer(typeof(T))): t and the
 * types of its fields and properties, items and bases, kept as the
 * serializer reflects on them. */
void directives_keep_serializable(Program *p, Type *t, Method *why);

#endif
