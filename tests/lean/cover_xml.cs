// System.Xml in a program, checked through `ilcc coverage` (the front end:
// reachability, the internal-call check, the C of every method; no C
// compiler), since building and running it costs minutes per build:
// XmlDocument, XPath, XmlReader and XmlWriter, each a public method whose
// verdict must be "buildable" (cover_xml.cover). Their output matches
// `LANG=C mono` (checked by hand, docs/coverage.md).
using System;
using System.IO;
using System.Text;
using System.Xml;

public static class XmlUse {
	public static string Document(string xml) {
		var doc = new XmlDocument();
		doc.LoadXml(xml);
		var sb = new StringBuilder();
		foreach (XmlNode n in doc.DocumentElement.ChildNodes)
			sb.Append(n.Attributes["n"].Value).Append('=').Append(n.InnerText).Append('\n');
		return sb.ToString();
	}

	public static string XPath(string xml, string path) {
		var doc = new XmlDocument();
		doc.LoadXml(xml);
		return doc.SelectSingleNode(path).InnerText;
	}

	public static int Reader(string xml) {
		var r = XmlReader.Create(new StringReader(xml));
		int sum = 0;
		while (r.Read())
			if (r.NodeType == XmlNodeType.Text)
				sum += int.Parse(r.Value);
		return sum;
	}

	public static string Writer() {
		var sb = new StringBuilder();
		var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true });
		w.WriteStartElement("out");
		w.WriteAttributeString("k", "v&<");
		w.WriteElementString("e", "text");
		w.WriteEndElement();
		w.Flush();
		return sb.ToString();
	}
}
