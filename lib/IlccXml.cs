// IlccXml: XmlSerializer's reader and writer in a program built by ilcc
// (docs/design.md, "XmlSerializer"). Written for ilcc; built by `make` with
// mcs into build/IlccXml.dll, which ilcc loads when a program reaches
// XmlSerializer's constructor from a Type (src/emit/xmlser.c).
//
// Mono 6.8's System.Xml makes a serializer's reader and writer at run time
// (Reflection.Emit, or C# compiled by CodeDom); it has no reflection path.
// ilcc substitutes XmlSerializer(Type, string), Serialize(XmlWriter, ...)
// and Deserialize(XmlReader, ...) by the methods below, which walk the
// object graph by reflection over what the build kept (the constructor's
// typeof(T) keeps T's closure: directives_keep_serializable). The shape of
// each type (which members, as elements or attributes, under which names)
// follows XmlSerializer's documented rules: public fields, then public
// read/write properties (read-only ones of collection type too), a base
// class's members first; [XmlIgnore], [XmlAttribute], [XmlElement],
// [XmlText], [XmlArray], [XmlArrayItem] and [XmlRoot] rename or move them;
// [XmlEnum] renames an enum's value.
// Values are written as XmlConvert writes them, through the same XmlWriter
// calls Mono's generated writers make, so the text is Mono's to the byte.
// Not handled (an InvalidOperationException says so): a default namespace,
// derived types by [XmlInclude] and xsi:type, [XmlElement] on collections,
// choice identifiers, IXmlSerializable, dictionaries.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using System.Xml;
using System.Xml.Serialization;

namespace Ilcc.Xml {

enum Kind { Value, List, Object }

// One member of a serialized class.
sealed class Member {
	public string Name;             // the element's or attribute's name
	public bool IsAttribute, IsText;
	public bool Flat;               // a collection's items as elements of the member's name
	public Type Type;
	public FieldInfo Field;
	public PropertyInfo Property;
	public string ItemName;         // a collection's items, if [XmlArrayItem] names them

	public object Get(object o)
	{
		return Field != null ? Field.GetValue(o) : Property.GetValue(o, null);
	}

	public bool CanSet { get { return Field != null || Property.GetSetMethod() != null; } }

	public void Set(object o, object v)
	{
		if (Field != null)
			Field.SetValue(o, v);
		else
			Property.SetValue(o, v, null);
	}
}

// How a type is written: a value (text), a list of items, or an object.
sealed class Shape {
	public Type Type;
	public Kind Kind;
	public string Name;             // its element's name at the root or as an item
	public Type ItemType;           // Kind.List
	public List<Member> Members;    // Kind.Object, attributes first

	public Member Find(string name, bool attribute)
	{
		foreach (Member m in Members)
			if (m.IsAttribute == attribute && !m.IsText && m.Name == name)
				return m;
		return null;
	}
}

public static class Serializer {
	const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
	const string Xsd = "http://www.w3.org/2001/XMLSchema";
	static readonly Dictionary<Type, Shape> shapes = new Dictionary<Type, Shape>();

	// XmlSerializer(type, defaultNamespace): refuses what the writer cannot
	// do before anything is written, as Mono's constructor does.
	public static void Check(Type type, string defaultNamespace)
	{
		if (type == null)
			throw new ArgumentNullException("type");
		if (!string.IsNullOrEmpty(defaultNamespace))
			throw new InvalidOperationException("ilcc: XmlSerializer with a default namespace is not supported");
		ShapeOf(type);
	}

	public static void Serialize(Type type, XmlWriter w, object o, XmlSerializerNamespaces ns)
	{
		try {
			if (w.WriteState == WriteState.Start)
				w.WriteStartDocument();
			WriteRoot(ShapeOf(type), w, o, ns);
		} catch (Exception e) {
			if (e is TargetInvocationException)
				e = e.InnerException;
			throw new InvalidOperationException("There was an error generating the XML document.", e);
		}
		w.Flush();
	}

	public static object Deserialize(Type type, XmlReader r)
	{
		try {
			Shape s = ShapeOf(type);
			r.MoveToContent();
			if (r.NodeType != XmlNodeType.Element || r.LocalName != s.Name || r.NamespaceURI != "")
				throw new InvalidOperationException("<" + r.LocalName + " xmlns='" + r.NamespaceURI + "'> was not expected.");
			return ReadElement(type, r);
		} catch (Exception e) {
			if (e is TargetInvocationException)
				e = e.InnerException;
			var li = r as IXmlLineInfo;
			if (li == null)
				throw new InvalidOperationException("There is an error in XML document.", e);
			throw new InvalidOperationException(string.Format("There is an error in XML document ({0}, {1}).",
				li.LineNumber, li.LinePosition), e);
		}
	}

	// --- shapes ---

	static Shape ShapeOf(Type t)
	{
		if (t == null)          // the type is kept by XmlSerializer(Type) alone
			throw new InvalidOperationException("ilcc: only an XmlSerializer made by" +
				" XmlSerializer(Type) or XmlSerializer(Type, string) can serialize");
		lock (shapes) {
			Shape s;
			if (!shapes.TryGetValue(t, out s)) {
				s = new Shape { Type = t };
				shapes[t] = s;          // before the members: a type may hold itself
				try {
					Fill(s);
				} catch {
					shapes.Remove(t);
					throw;
				}
			}
			return s;
		}
	}

	static void Fill(Shape s)
	{
		Type t = s.Type, u = Nullable.GetUnderlyingType(t);
		var root = (XmlRootAttribute)Attribute.GetCustomAttribute(t, typeof(XmlRootAttribute), false);
		if (u != null) {
			Shape inner = ShapeOf(u);
			s.Kind = inner.Kind;
			s.Name = inner.Name;
		} else if (ValueName(t) != null) {
			s.Kind = Kind.Value;
			s.Name = ValueName(t);
		} else if ((s.ItemType = ItemType(t)) != null) {
			s.Kind = Kind.List;
			string item = ShapeOf(s.ItemType).Name;
			s.Name = "ArrayOf" + char.ToUpperInvariant(item[0]) + item.Substring(1);
		} else {
			Refuse(t);
			var xt = (XmlTypeAttribute)Attribute.GetCustomAttribute(t, typeof(XmlTypeAttribute), false);
			s.Kind = Kind.Object;
			s.Name = xt != null && !string.IsNullOrEmpty(xt.TypeName) ? xt.TypeName : t.Name;
			var all = new List<Member>();
			AddMembers(t, all);
			s.Members = all.FindAll(m => m.IsAttribute);
			s.Members.AddRange(all.FindAll(m => !m.IsAttribute));
		}
		if (root != null && !string.IsNullOrEmpty(root.ElementName))
			s.Name = root.ElementName;
	}

	// What Mono refuses with its messages, and what this serializer does not do.
	static void Refuse(Type t)
	{
		if (typeof(IDictionary).IsAssignableFrom(t))
			throw new NotSupportedException(string.Format(
				"The type {0} is not supported because it implements IDictionary.", t.FullName));
		if (!t.IsPublic && !t.IsNestedPublic)
			throw new InvalidOperationException(string.Format(
				"{0} is inaccessible due to its protection level. Only public types can be processed.", t.FullName));
		if (t.IsGenericType || t.IsInterface || t.IsAbstract || t == typeof(object) ||
		    typeof(IXmlSerializable).IsAssignableFrom(t))
			throw new InvalidOperationException("ilcc: XmlSerializer of " + t + " is not supported");
	}

	// The XML Schema name of a type written as text, or null.
	static string ValueName(Type t)
	{
		if (t.IsEnum)
			return t.Name;
		if (t == typeof(byte[]))
			return "base64Binary";
		if (t == typeof(Guid))
			return "guid";
		switch (Type.GetTypeCode(t)) {
		case TypeCode.Boolean: return "boolean";
		case TypeCode.Byte: return "unsignedByte";
		case TypeCode.SByte: return "byte";
		case TypeCode.Int16: return "short";
		case TypeCode.UInt16: return "unsignedShort";
		case TypeCode.Int32: return "int";
		case TypeCode.UInt32: return "unsignedInt";
		case TypeCode.Int64: return "long";
		case TypeCode.UInt64: return "unsignedLong";
		case TypeCode.Single: return "float";
		case TypeCode.Double: return "double";
		case TypeCode.Decimal: return "decimal";
		case TypeCode.DateTime: return "dateTime";
		case TypeCode.String: return "string";
		case TypeCode.Char: return "char";
		}
		return null;
	}

	// The items' type of an array or a generic list, else null.
	static Type ItemType(Type t)
	{
		if (t.IsArray)
			return t.GetElementType();
		if (t.IsGenericType && typeof(IList).IsAssignableFrom(t) && t.GetGenericArguments().Length == 1)
			return t.GetGenericArguments()[0];
		return null;
	}

	const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.Instance;

	static void AddMembers(Type t, List<Member> into)
	{
		if (t.BaseType != null && t.BaseType != typeof(object) && t.BaseType != typeof(ValueType))
			AddMembers(t.BaseType, into);
		foreach (FieldInfo f in t.GetFields(Declared))
			if (!f.IsInitOnly || ItemType(f.FieldType) != null)
				Add(into, f, f.FieldType, new Member { Field = f });
		foreach (PropertyInfo p in t.GetProperties(Declared))
			if (p.GetIndexParameters().Length == 0 && p.GetGetMethod() != null &&
			    (p.GetSetMethod() != null || ItemType(p.PropertyType) != null))
				Add(into, p, p.PropertyType, new Member { Property = p });
	}

	static T Attr<T>(MemberInfo mi) where T : Attribute
	{
		return (T)Attribute.GetCustomAttribute(mi, typeof(T), false);
	}

	static void Add(List<Member> into, MemberInfo mi, Type type, Member m)
	{
		if (Attr<XmlIgnoreAttribute>(mi) != null)
			return;
		m.Type = type;
		m.Name = mi.Name;
		var at = Attr<XmlAttributeAttribute>(mi);
		var el = Attr<XmlElementAttribute>(mi);
		var arr = Attr<XmlArrayAttribute>(mi);
		var item = Attr<XmlArrayItemAttribute>(mi);
		m.IsAttribute = at != null;
		m.IsText = Attr<XmlTextAttribute>(mi) != null;
		if (at != null && !string.IsNullOrEmpty(at.AttributeName))
			m.Name = at.AttributeName;
		m.Flat = el != null && ItemType(type) != null;
		if (el != null && !string.IsNullOrEmpty(el.ElementName))
			m.Name = el.ElementName;
		if (arr != null && !string.IsNullOrEmpty(arr.ElementName))
			m.Name = arr.ElementName;
		if (item != null && !string.IsNullOrEmpty(item.ElementName))
			m.ItemName = item.ElementName;
		into.Add(m);
		Type inner = Nullable.GetUnderlyingType(type) ?? type;
		if (inner != typeof(object))
			ShapeOf(inner);         // refused types refused by the constructor
	}

	// --- writing ---

	static void WriteRoot(Shape s, XmlWriter w, object o, XmlSerializerNamespaces ns)
	{
		if (s.Kind == Kind.Value) {
			if (o == null)
				WriteNil(w, s.Name);
			else
				w.WriteElementString(s.Name, "", Text(Nullable.GetUnderlyingType(s.Type) ?? s.Type, o));
			return;
		}
		if (o == null) {
			WriteNil(w, s.Name);
			return;
		}
		w.WriteStartElement(s.Name, "");
		if (ns == null || ns.Count == 0) {
			w.WriteAttributeString("xmlns", "xsd", null, Xsd);
			w.WriteAttributeString("xmlns", "xsi", null, Xsi);
		} else {
			foreach (XmlQualifiedName q in ns.ToArray())
				if (q.Name != "")
					w.WriteAttributeString("xmlns", q.Name, null, q.Namespace);
				else if (q.Namespace != "")
					w.WriteAttributeString("xmlns", q.Namespace);
		}
		WriteContent(s, w, o);
		w.WriteEndElement();
	}

	static void WriteNil(XmlWriter w, string name)
	{
		w.WriteStartElement(name, "");
		w.WriteAttributeString("nil", Xsi, "true");
		w.WriteEndElement();
	}

	static void WriteContent(Shape s, XmlWriter w, object o)
	{
		if (s.Kind == Kind.List) {
			foreach (object item in (IEnumerable)o)
				WriteElement(w, ShapeOf(s.ItemType).Name, s.ItemType, item, true);
			return;
		}
		foreach (Member m in s.Members) {
			object v = m.Get(o);
			if (m.IsAttribute && v != null)
				w.WriteAttributeString(m.Name, "", Text(m.Type, v));
			else if (m.IsText && v != null)
				w.WriteString(Text(m.Type, v));
			else if (!m.IsAttribute && !m.IsText)
				WriteMember(w, m, v);
		}
	}

	static void WriteMember(XmlWriter w, Member m, object v)
	{
		if (m.Flat && v != null) {
			foreach (object item in (IEnumerable)v)
				WriteElement(w, m.Name, ItemType(m.Type), item, false);
			return;
		}
		if (m.ItemName == null || v == null) {
			WriteElement(w, m.Name, m.Type, v, Nullable.GetUnderlyingType(m.Type) != null);
			return;
		}
		Type it = ItemType(m.Type);
		w.WriteStartElement(m.Name, "");
		foreach (object item in (IEnumerable)v)
			WriteElement(w, m.ItemName, it, item, true);
		w.WriteEndElement();
	}

	// <name>v</name>; a null v as xsi:nil if nil, else nothing.
	static void WriteElement(XmlWriter w, string name, Type t, object v, bool nil)
	{
		if (v == null) {
			if (nil)
				WriteNil(w, name);
			return;
		}
		Shape s = ShapeOf(Nullable.GetUnderlyingType(t) ?? t);
		if (v.GetType() != s.Type && !s.Type.IsArray && !s.Type.IsEnum)
			throw new InvalidOperationException(string.Format("The type {0} was not expected. Use the" +
				" XmlInclude or SoapInclude attribute to specify types that are not known statically.", v.GetType().FullName));
		if (s.Kind == Kind.Value) {
			w.WriteElementString(name, "", Text(s.Type, v));
			return;
		}
		w.WriteStartElement(name, "");
		WriteContent(s, w, v);
		w.WriteEndElement();
	}

	static string Text(Type t, object v)
	{
		if (t.IsEnum)
			return EnumText(t, v);
		if (t == typeof(byte[]))
			return Convert.ToBase64String((byte[])v);
		if (t == typeof(Guid))
			return XmlConvert.ToString((Guid)v);
		switch (Type.GetTypeCode(t)) {
		case TypeCode.Boolean: return XmlConvert.ToString((bool)v);
		case TypeCode.Byte: return XmlConvert.ToString((byte)v);
		case TypeCode.SByte: return XmlConvert.ToString((sbyte)v);
		case TypeCode.Int16: return XmlConvert.ToString((short)v);
		case TypeCode.UInt16: return XmlConvert.ToString((ushort)v);
		case TypeCode.Int32: return XmlConvert.ToString((int)v);
		case TypeCode.UInt32: return XmlConvert.ToString((uint)v);
		case TypeCode.Int64: return XmlConvert.ToString((long)v);
		case TypeCode.UInt64: return XmlConvert.ToString((ulong)v);
		case TypeCode.Single: return XmlConvert.ToString((float)v);
		case TypeCode.Double: return XmlConvert.ToString((double)v);
		case TypeCode.Decimal: return XmlConvert.ToString((decimal)v);
		case TypeCode.DateTime: return XmlConvert.ToString((DateTime)v, XmlDateTimeSerializationMode.RoundtripKind);
		case TypeCode.Char: return XmlConvert.ToString((ushort)(char)v);
		}
		return (string)v;
	}

	// --- reading ---

	static bool IsNil(XmlReader r)
	{
		string nil = r.GetAttribute("nil", Xsi);
		return nil != null && XmlConvert.ToBoolean(nil);
	}

	// The element the reader is on, as a t; the reader ends past it.
	static object ReadElement(Type t, XmlReader r)
	{
		if (IsNil(r)) {
			r.Skip();
			return null;
		}
		Shape s = ShapeOf(Nullable.GetUnderlyingType(t) ?? t);
		if (s.Kind == Kind.Value)
			return Parse(s.Type, r.ReadElementString());
		if (s.Kind == Kind.List)
			return ReadList(s.Type, s.ItemType, ShapeOf(s.ItemType).Name, r, null);
		return ReadObject(s, r);
	}

	static object ReadObject(Shape s, XmlReader r)
	{
		object o = Activator.CreateInstance(s.Type);
		while (r.MoveToNextAttribute()) {
			Member a = r.NamespaceURI == "" ? s.Find(r.LocalName, true) : null;
			if (a != null)
				a.Set(o, Parse(a.Type, r.Value));
		}
		r.MoveToElement();
		if (r.IsEmptyElement) {
			r.Skip();
			return o;
		}
		r.ReadStartElement();
		var flat = new Dictionary<Member, IList>();
		for (r.MoveToContent(); r.NodeType != XmlNodeType.EndElement && r.NodeType != XmlNodeType.None; r.MoveToContent()) {
			Member m = r.NodeType == XmlNodeType.Element && r.NamespaceURI == "" ? s.Find(r.LocalName, false) : null;
			Member text = s.Members.Find(x => x.IsText);
			if (m != null && m.Flat)
				FlatList(o, m, flat).Add(ReadElement(ItemType(m.Type), r));
			else if (m != null)
				ReadMember(o, m, r);
			else if (text != null && (r.NodeType == XmlNodeType.Text || r.NodeType == XmlNodeType.CDATA))
				text.Set(o, Parse(text.Type, r.ReadString()));
			else
				r.Skip();
		}
		r.ReadEndElement();
		foreach (KeyValuePair<Member, IList> kv in flat)
			if (kv.Key.Type.IsArray)
				kv.Key.Set(o, ToArray(ItemType(kv.Key.Type), kv.Value));
		return o;
	}

	// Where a flat member's items go: its list (made if null), or for an
	// array a list made into the array at the end.
	static IList FlatList(object o, Member m, Dictionary<Member, IList> flat)
	{
		IList list;
		if (flat.TryGetValue(m, out list))
			return list;
		if (m.Type.IsArray) {
			list = new ArrayList();
		} else {
			list = (IList)m.Get(o);
			if (list == null) {
				list = (IList)Activator.CreateInstance(m.Type);
				m.Set(o, list);
			}
		}
		flat[m] = list;
		return list;
	}

	static void ReadMember(object o, Member m, XmlReader r)
	{
		Type it = ItemType(m.Type);
		if (it == null || IsNil(r)) {
			m.Set(o, ReadElement(m.Type, r));
			return;
		}
		object had = m.Type.IsArray ? null : m.Get(o);
		object v = ReadList(m.Type, it, m.ItemName ?? ShapeOf(it).Name, r, (IList)had);
		if (v != had && m.CanSet)
			m.Set(o, v);
	}

	// A list's items named `item`; into `had` if there is one.
	static object ReadList(Type t, Type it, string item, XmlReader r, IList had)
	{
		IList list = t.IsArray ? new ArrayList() : had ?? (IList)Activator.CreateInstance(t);
		if (r.IsEmptyElement) {
			r.Skip();
		} else {
			r.ReadStartElement();
			for (r.MoveToContent(); r.NodeType != XmlNodeType.EndElement && r.NodeType != XmlNodeType.None; r.MoveToContent())
				if (r.NodeType == XmlNodeType.Element && r.LocalName == item && r.NamespaceURI == "")
					list.Add(ReadElement(it, r));
				else
					r.Skip();
			r.ReadEndElement();
		}
		return t.IsArray ? ToArray(it, list) : list;
	}

	static Array ToArray(Type it, IList list)
	{
		Array a = Array.CreateInstance(it, list.Count);
		for (int i = 0; i < list.Count; i++)
			a.SetValue(list[i], i);
		return a;
	}

	// An enum's value as its names, each renamed by [XmlEnum], flags
	// separated by spaces.
	static string EnumText(Type t, object v)
	{
		string[] names = v.ToString().Split(new[] { ", " }, StringSplitOptions.None);
		for (int i = 0; i < names.Length; i++)
			names[i] = XmlEnumName(t.GetField(names[i]), names[i]);
		return string.Join(" ", names);
	}

	static string XmlEnumName(FieldInfo f, string name)
	{
		var at = f == null ? null : Attr<XmlEnumAttribute>(f);
		return at != null && at.Name != null ? at.Name : name;
	}

	// The enum value of text written by EnumText.
	static object EnumParse(Type t, string s)
	{
		string[] names = s.Trim().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
		FieldInfo[] fields = t.GetFields(BindingFlags.Public | BindingFlags.Static);
		for (int i = 0; i < names.Length; i++)
			foreach (FieldInfo f in fields)
				if (XmlEnumName(f, f.Name) == names[i]) {
					names[i] = f.Name;
					break;
				}
		return Enum.Parse(t, string.Join(",", names));
	}

	static object Parse(Type t, string s)
	{
		if (t.IsEnum)
			return EnumParse(t, s);
		if (t == typeof(byte[]))
			return Convert.FromBase64String(s);
		if (t == typeof(Guid))
			return XmlConvert.ToGuid(s);
		switch (Type.GetTypeCode(t)) {
		case TypeCode.Boolean: return XmlConvert.ToBoolean(s);
		case TypeCode.Byte: return XmlConvert.ToByte(s);
		case TypeCode.SByte: return XmlConvert.ToSByte(s);
		case TypeCode.Int16: return XmlConvert.ToInt16(s);
		case TypeCode.UInt16: return XmlConvert.ToUInt16(s);
		case TypeCode.Int32: return XmlConvert.ToInt32(s);
		case TypeCode.UInt32: return XmlConvert.ToUInt32(s);
		case TypeCode.Int64: return XmlConvert.ToInt64(s);
		case TypeCode.UInt64: return XmlConvert.ToUInt64(s);
		case TypeCode.Single: return XmlConvert.ToSingle(s);
		case TypeCode.Double: return XmlConvert.ToDouble(s);
		case TypeCode.Decimal: return XmlConvert.ToDecimal(s);
		case TypeCode.DateTime: return XmlConvert.ToDateTime(s, XmlDateTimeSerializationMode.RoundtripKind);
		case TypeCode.Char: return (char)XmlConvert.ToUInt16(s);
		}
		return s;
	}
}

}
