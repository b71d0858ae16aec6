// mcs: -r:System.Xml.Linq
// LINQ to XML, XPathDocument, the interpreting XslTransform, IdnMapping and
// a Uri with an international host (issue 16's "XML" and "Text" blockers),
// run and compared with LANG=C mono. XslCompiledTransform is refused
// (Reflection.Emit): see tests/lean/cover_xlinq.
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using System.Xml.Xsl;

static class XmlLinq {
	static void Build()
	{
		var x = new XElement("people",
			new XElement("p", new XAttribute("age", 30), "Ann"),
			new XElement("p", new XAttribute("age", 20), "Bob"),
			new XElement("p", new XAttribute("age", 41), "Cy"));
		Console.WriteLine(string.Join(",", x.Elements("p").Where(p => (int)p.Attribute("age") > 25)
			.OrderByDescending(p => (int)p.Attribute("age")).Select(p => p.Value)));
		Console.WriteLine(x.ToString(SaveOptions.DisableFormatting));
		Console.WriteLine(x.Elements().Sum(p => (int)p.Attribute("age")));
		Console.WriteLine(new XDocument(new XDeclaration("1.0", "utf-8", null),
			new XComment("c"), new XElement("r", new XCData("a<b"))).ToString());
	}

	static void Parse()
	{
		XNamespace ns = "urn:a";
		var doc = XDocument.Parse("<r xmlns='urn:a'><i n='1'/><i n='2'>t</i><j/></r>");
		doc.Root.Add(new XElement(ns + "i", new XAttribute("n", 3)));
		Console.WriteLine(doc.Root.Elements(ns + "i").Sum(i => (int)i.Attribute("n")));
		Console.WriteLine(doc.Descendants().Count() + " " + doc.Root.Name.LocalName + " " + doc.Root.Name.NamespaceName);
		doc.Root.Element(ns + "j").Remove();
		doc.Root.SetAttributeValue("v", 7);
		Console.WriteLine(doc.ToString(SaveOptions.DisableFormatting));
		var groups = from i in doc.Root.Elements(ns + "i")
			group i by (int)i.Attribute("n") % 2 into g
			select g.Key + ":" + g.Count();
		Console.WriteLine(string.Join(" ", groups));
	}

#pragma warning disable 618
	static void Transform()
	{
		string xsl = "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>" +
			"<xsl:output method='text'/><xsl:template match='/'>" +
			"<xsl:for-each select='//p'><xsl:sort select='@age' data-type='number'/>" +
			"<xsl:value-of select='.'/>=<xsl:value-of select='@age * 2'/>;</xsl:for-each>" +
			"</xsl:template></xsl:stylesheet>";
		string xml = "<people><p age='30'>Ann</p><p age='20'>Bob</p></people>";
		var t = new XslTransform();
		t.Load(new XPathDocument(new StringReader(xsl)));
		var sw = new StringWriter();
		t.Transform(new XPathDocument(new StringReader(xml)), null, sw);
		Console.WriteLine(sw.ToString());
	}
#pragma warning restore 618

	static void Navigate()
	{
		string xml = "<a><b k='1'>x</b><b k='2'>y</b><c><b k='3'>z</b></c></a>";
		var nav = new XPathDocument(new StringReader(xml)).CreateNavigator();
		var it = nav.Select("//b[@k>1]");
		while (it.MoveNext())
			Console.Write(it.Current.Value + " ");
		Console.WriteLine(nav.Evaluate("count(//*)") + " " + nav.Evaluate("sum(//b/@k)") +
			" " + nav.SelectSingleNode("/a/c/b/@k").Value);
	}

	static void Idn()
	{
		var idn = new IdnMapping();
		string host = "b\u00fccher.example";
		string ascii = idn.GetAscii(host);
		Console.WriteLine(ascii + " " + (idn.GetUnicode(ascii) == host));
		var uri = new Uri("http://" + host + ":8080/a b?q=1#f");
		Console.WriteLine((uri.Host == host) + " " + uri.Port + " " + uri.PathAndQuery + " " + uri.Fragment + " " + uri.Scheme);
		Console.WriteLine(host.Normalize(System.Text.NormalizationForm.FormD).Length + " " +
			host.IsNormalized());
	}

	static void Main()
	{
		Build();
		Parse();
		Transform();
		Navigate();
		Idn();
	}
}
