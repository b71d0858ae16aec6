// A program that sets a ValidationType keeps validation
// (features.c validation_needed; xml_novalidate is the other side).
using System;
using System.IO;
using System.Xml;

class XmlValidate {
	static void Main()
	{
		var s = new XmlReaderSettings { ValidationType = ValidationType.Schema };
		using (var r = XmlReader.Create(new StringReader("<r/>"), s))
			while (r.Read())
				Console.WriteLine(r.Name);
	}
}
