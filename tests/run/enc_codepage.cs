// Code pages of Mono's I18N assemblies (docs/design.md, "Named cultures,
// code pages and a second corpus"): Encoding.GetEncoding of a code page the
// program names by number (a constant, or any constant where it calls
// GetEncoding with a variable) or by name (Mono's other names too) is
// built in; a code page known only at
// run time is not (ilcc: NotSupportedException, as Mono without I18N; Mono
// has it: the output does not show which).
using System;
using System.Text;
static class P {
	static void Say(string s) { Out.S(s); Out.L(); }
	static void Show(Encoding e, string s)
	{
		byte[] b = e.GetBytes(s);
		Say(e.CodePage + " " + e.WebName + " " + e.IsSingleByte + " " + BitConverter.ToString(b) +
		    " " + (e.GetString(b) == s) + " " + e.GetByteCount(s) + " " + e.GetMaxByteCount(3));
	}
	static void ByNumber(int cp, string s) { Show(Encoding.GetEncoding(cp), s); }
	static int Main()
	{
		Show(Encoding.GetEncoding(1252), "\u20ac\u201ccaf\u00e9\u201d \u00a9");
		Show(Encoding.GetEncoding("windows-1252"), "Gr\u00fc\u00dfe");
		Show(Encoding.GetEncoding(1251), "\u041f\u0440\u0438\u0432\u0435\u0442");
		Show(Encoding.GetEncoding("iso-8859-2"), "\u0141\u00f3d\u017a");
		Show(Encoding.GetEncoding(437), "\u00e9\u2563\u00bd");
		Show(Encoding.GetEncoding("iso-8859-1"), "\u00e9");
		ByNumber(866, "\u0416\u0436");        // through a parameter
		Show(Encoding.GetEncoding("koi8r"), "\u043f\u0440");       // Mono's other names
		Show(Encoding.GetEncoding("latin9"), "\u20ac");
		var w = Encoding.GetEncoding(1252);
		Say(w.GetString(new byte[] { 0x80, 0x93, 0x41, 0x9f }) == "\u20ac\u201cA\u0178" ? "decoded" : "wrong");
		Say(w.GetBytes("\u4e16")[0].ToString() + " " + ReferenceEquals(w, Encoding.GetEncoding(1252)));
		try {
			var e = Encoding.GetEncoding(int.Parse("1250"));
			Say(e.CodePage == 1250 ? "1250 or NotSupported" : "?");
		} catch (NotSupportedException) {
			Say("1250 or NotSupported");
		}
		return 0;
	}
}
