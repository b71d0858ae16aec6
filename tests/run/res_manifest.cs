// mcs: -resource:tests/run/res_manifest.txt,Notes.txt
// Manifest resources (docs/design.md, "The long tail, fourth corpus"): the
// program's own embedded resource read with GetManifestResourceStream,
// listed by GetManifestResourceNames, described by GetManifestResourceInfo;
// a missing one is null. The CJK code pages read their tables as
// I18N.CJK's resources: Shift-JIS, EUC-JP, GB2312, Big5, UHC, EUC-KR,
// GB18030 (its four-byte ranges too; Mono's maps the euro sign to '?') by
// name and number, both ways.
using System;
using System.IO;
using System.Reflection;
using System.Text;
static class P {
	static string Hex(byte[] b) { return BitConverter.ToString(b); }
	static void Try(Encoding e, string text)
	{
		byte[] b = e.GetBytes(text);
		Console.WriteLine("{0} {1} {2} {3} {4}", e.CodePage, e.WebName, Hex(b), e.GetString(b) == text,
				  e.GetCharCount(b));
	}
	static int Main()
	{
		Assembly a = typeof(P).Assembly;
		Console.WriteLine(string.Join(",", a.GetManifestResourceNames()));
		using (var s = a.GetManifestResourceStream("Notes.txt"))
		using (var r = new StreamReader(s, Encoding.UTF8)) {
			Console.WriteLine(s.Length + " " + s.CanRead + " " + s.CanWrite);
			Console.WriteLine(r.ReadLine().ToUpperInvariant());
			Console.WriteLine(r.ReadLine().Length);
		}
		var info = a.GetManifestResourceInfo("Notes.txt");
		Console.WriteLine(info.ResourceLocation + " " + (info.FileName == null) + " " + (info.ReferencedAssembly == null));
		Console.WriteLine((a.GetManifestResourceStream("Missing.txt") == null) + " " + (a.GetManifestResourceInfo("Missing.txt") == null));
		Try(Encoding.GetEncoding("shift_jis"), "\u65e5\u672c\u8a9e abc \uff71");
		Try(Encoding.GetEncoding(932), "\u3042\u30a2");
		Try(Encoding.GetEncoding("euc-jp"), "\u65e5\u672c");
		Try(Encoding.GetEncoding(936), "\u4e2d\u6587");
		Try(Encoding.GetEncoding("big5"), "\u4e2d\u83ef");
		Try(Encoding.GetEncoding(949), "\ud55c\uad6d\uc5b4");
		Try(Encoding.GetEncoding("euc-kr"), "\ud55c");
		Try(Encoding.GetEncoding(950), "\u81fa");
		Try(Encoding.GetEncoding("GB18030"), "\u4e2d\u6587 abc \u00e9\U0001F600");
		Try(Encoding.GetEncoding(54936), "\u0080\u00a4\uffff\u20ac");
		var sj = Encoding.GetEncoding(932);
		Console.WriteLine(sj.GetString(new byte[] { 0x82, 0xa0, 0x41, 0xb1 }) == "\u3042A\uff71");
		return 0;
	}
}
