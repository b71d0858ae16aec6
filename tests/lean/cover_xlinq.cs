// mcs: -r:System.Xml.Linq -r:System.Xml -r:System.Core
// LINQ to XML, XSLT and XPath documents, IdnMapping and a Uri with an
// international host, checked through `ilcc coverage` as cover_xml is (a
// build of each costs minutes): each public method's verdict must be as
// cover_xlinq.cover says. XslCompiledTransform is refused: Mono's is
// .NET's, which compiles the stylesheet to IL with Reflection.Emit (the
// refusal names the internal calls of TypeBuilder's generic methods it
// reaches); the older XslTransform interprets the stylesheet. Their output
// matches `LANG=C mono` (programs of the issue-16 corpus, docs/design.md
// "Named cultures, code pages and a second corpus").
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using System.Xml.Xsl;

public static class XLinqUse {
	public static string Build() {
		var x = new XElement("people",
			new XElement("p", new XAttribute("age", 30), "Ann"),
			new XElement("p", new XAttribute("age", 20), "Bob"));
		return string.Join(",", x.Elements("p").Where(p => (int)p.Attribute("age") > 25)
			.Select(p => p.Value)) + x.ToString(SaveOptions.DisableFormatting);
	}

	public static int Parse(string xml) {
		XNamespace ns = "urn:a";
		var doc = XDocument.Parse(xml);
		doc.Root.Add(new XElement(ns + "i", new XAttribute("n", 3)));
		return doc.Root.Elements(ns + "i").Sum(i => (int)i.Attribute("n"));
	}

	public static string Transform(string xsl, string xml) {
		var t = new XslCompiledTransform();
		t.Load(XmlReader.Create(new StringReader(xsl)));
		var sw = new StringWriter();
		t.Transform(XmlReader.Create(new StringReader(xml)), null, sw);
		return sw.ToString();
	}

#pragma warning disable 618
	public static string TransformLegacy(string xsl, string xml) {
		var t = new XslTransform();
		t.Load(new XPathDocument(new StringReader(xsl)));
		var sw = new StringWriter();
		t.Transform(new XPathDocument(new StringReader(xml)), null, sw);
		return sw.ToString();
	}
#pragma warning restore 618

	public static object Navigate(string xml, string path) {
		var nav = new XPathDocument(new StringReader(xml)).CreateNavigator();
		var it = nav.Select(path);
		return it.MoveNext() ? it.Current.Value : nav.Evaluate("count(//*)");
	}

	public static string Idn(string host) {
		var idn = new IdnMapping();
		return idn.GetAscii(host) + " " + idn.GetUnicode(idn.GetAscii(host)) + " " +
			new Uri("http://" + host + "/a").AbsoluteUri + " " + host.Normalize(System.Text.NormalizationForm.FormD).Length;
	}
}
