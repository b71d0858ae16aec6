// ilcc: --switch resource-keys,paths-as-given,sync-text-io,no-trace-names,unpooled-writes
// What the feature switches keep (README, "Size"): under resource-keys a
// class-library message is its format unfilled followed by its string
// arguments, so the exceptions' types, parameter names and the paths in
// them are what Mono gives, the texts not; StreamReader and StreamWriter
// work without their asynchronous task (sync-text-io); an invalid byte
// gives Mono's exception without Number formatting its bytes (a
// StringBuilder argument, left out of the message by resource-keys), and
// a StreamWriter's preamble reaches the file through a new array
// (unpooled-writes).
using System;
using System.IO;

static class SizeSwitches {
	static void Line(string s) { Out.S(s); Out.L(); }

	static void Fails(string what, Action a)
	{
		try {
			a();
			Line(what + ": no exception");
		} catch (Exception e) {
			Line(what + ": " + e.GetType().Name + " " + e.Message.Contains("nosuchfile.txt") +
			     " " + (e.Message.Length > 0) + " " + (e is ArgumentException ae ? ae.ParamName : "-"));
		}
	}

	static int Main()
	{
		Fails("open", () => new FileStream("nosuchdir/nosuchfile.txt", FileMode.Open));
		Fails("open2", () => new FileStream("nosuchfile.txt", FileMode.Open));
		Fails("substring", () => "abc".Substring(5));
		Fails("args", () => new string('x', -1));
		Fails("format", () => string.Format("{1}", 1));
		string path = Path.GetTempFileName();
		using (var w = new StreamWriter(path)) {
			w.WriteLine("first line");
			w.Write(42);
			w.WriteLine();
		}
		using (var r = new StreamReader(path)) {
			Line(r.ReadLine());
			Line(r.ReadToEnd().Trim());
		}
		File.Delete(path);
		try {
			new System.Text.UTF8Encoding(false, true).GetString(new byte[] { 0x41, 0xC3 });
			Line("decode: no exception");
		} catch (System.Text.DecoderFallbackException e) {
			Line("decode: " + (e.Message.Length > 0) + " " + e.Index + " " +
			     e.BytesUnknown.Length + " " + e.BytesUnknown[0]);
		}
		using (var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(true)))
			w.Write("x");
		Line(BitConverter.ToString(File.ReadAllBytes(path)));
		File.Delete(path);
		Line(string.Format("{0} + {1} = {2}", 1, 2, 1 + 2));
		return 0;
	}
}
