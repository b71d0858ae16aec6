// mcs: -r:System.Xml.Linq -r:System.Xml -r:System.Core
// LINQ to XML without validation: nothing sets an XmlReaderSettings'
// ValidationType, so it is None (features.c validation_needed) and
// XmlReader.Create wraps no validating reader: schema and DTD validation
// (XsdValidatingReader, XmlValidatingReaderImpl, ~13 MB of C) are left out.
using System;
using System.Linq;
using System.Xml.Linq;

class XmlNoValidate {
	static void Main()
	{
		var d = XDocument.Parse("<r><i n='a'>1</i><i n='b'>2</i></r>");
		foreach (var e in d.Root.Elements("i").Where(x => (int)x > 1))
			Console.WriteLine((string)e.Attribute("n"));
	}
}
