// ilcc: --switch resource-keys,paths-as-given,sync-text-io,no-trace-names
// What the feature switches keep (README, "Size"): under resource-keys a
// class-library message is its format unfilled followed by its string
// arguments, so the exceptions' types, parameter names and the paths in
// them are what Mono gives, the texts not; StreamReader and StreamWriter
// work without their asynchronous task (sync-text-io).
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
		Line(string.Format("{0} + {1} = {2}", 1, 2, 1 + 2));
		return 0;
	}
}
