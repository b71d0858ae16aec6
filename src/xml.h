/* xml: the little XML that directive files need (rd.xml, ILLink
 * descriptors): elements with attributes, nothing else kept.
 *
 * xml_parse reads a whole file into a tree allocated from an arena; any
 * malformed input is a fatal error "PATH:LINE:COL: malformed XML: WHAT".
 * Every node records where it starts, for messages about its content.
 */
#ifndef ILCC_XML_H
#define ILCC_XML_H

#include "util.h"

typedef struct XmlAttr {
	const char *name, *value;       /* value with entities decoded */
} XmlAttr;

typedef struct XmlNode XmlNode;
struct XmlNode {
	const char *name;
	XmlAttr *attrs;
	uint32_t nattrs;
	XmlNode **kids;                 /* child elements, in order */
	uint32_t nkids;
	uint32_t line, col;
};

XmlNode *xml_parse(Arena *a, const char *path);
const char *xml_attr(const XmlNode *n, const char *name);   /* NULL: absent */

#endif
