/* attrs: custom attributes at run time (Attribute.GetCustomAttributes,
 * IsDefined, MemberInfo.GetCustomAttributes).
 *
 * Nothing happens until the program reaches Mono's MonoCustomAttrs internal
 * calls (subst.c turns attrs_enable on). From then on, every attribute on a
 * kept owner of the program's own assembly (a type with a descriptor, a
 * method, property or field reflection finds) is decoded at build time, and
 * its constructor, named properties' setters and named fields are kept for
 * reflection; class-library types keep only their [AttributeUsage], which
 * Mono's inheritance rules read. cgen_attrs.c writes the records as
 * rt_attrs[]; runtime/attrs.c builds the objects on each call.
 */
#ifndef ILCC_ATTRS_H
#define ILCC_ATTRS_H

#include "reach.h"

enum { ATTR_TYPE, ATTR_METHOD, ATTR_PROP, ATTR_FIELD, ATTR_ASSEMBLY, ATTR_EVENT };

typedef struct KeptAttr {
	uint8_t kind;                   /* ATTR_* */
	void *owner;                    /* Type, Method, ReflectedProp/ReflectedEvent index + 1,
					 * Field, Image */
	uint32_t param;                 /* a method's parameter: its sequence (1..) */
	Type *type;                     /* the attribute's class */
	Method *ctor;
	Attribute a;
	Method **setters;               /* per named argument: property's */
	Field **fields;                 /* ... or field */
	Type **named_types;             /* ... and its type */
} KeptAttr;

void attrs_enable(Program *p, Method *why);
/* Keep the attributes of owners found since the last call; true if any
 * owner was scanned (the worklist may have grown). */
bool attrs_scan(Program *p);
/* The type "Ns.Name[, Assembly]" a Type argument names, or NULL. */
Type *attrs_type_named(Program *p, const char *name);
/* The array type of an array value boxed as an object, from its encoding
 * (NULL if not known). */
Type *attrs_array_type(Program *p, const AttrValue *v);

#endif
