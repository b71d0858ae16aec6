// string.Normalize and IsNormalized in the four forms (Mono's managed
// Normalization over the runtime's tables), Uri parsing, and the domain's
// setup, each printed as code points.
using System;
using System.Text;

class P {
	static string Hex(string s)
	{
		var sb = new StringBuilder();
		foreach (char c in s)
			sb.Append(((int) c).ToString("X4")).Append(' ');
		return sb.ToString().TrimEnd();
	}

	static readonly string[] Inputs = {
		"", "plain ascii", "e\u0301", "\u00e9", "A\u030A", "\u212B", "\u1E9B\u0323",
		"\u0071\u0307\u0323", "\u00C5\u0301", "\uFB01", "\u2126", "\u1100\u1161\u11A8",
		"\uAC00", "\uD55C\uAE00", "\u0385", "\u00BD", "\u2460", "\u3300", "x\u0301\u0327y",
		"\u0301start", "\u0958", "\u0F73", "\u1FFD", "\uFF76\uFF9E", "\u00C7\u0301",
		"\u01C4", "\u1E0A\u0323", "\u0041\u0323\u0302", "\u2000\u2001", "\u00A8\u0301",
		"\uD834\uDD5E", "\u30AC", "\u30AB\u3099", "\u0626\u0654", "\u2FA1D",
	};

	static void Main()
	{
		var forms = new[] { NormalizationForm.FormC, NormalizationForm.FormD,
			NormalizationForm.FormKC, NormalizationForm.FormKD };
		foreach (string s in Inputs) {
			Console.Write("[" + Hex(s) + "]");
			foreach (var f in forms)
				Console.Write(" " + f + "=" + Hex(s.Normalize(f)) + (s.IsNormalized(f) ? " y" : " n"));
			Console.WriteLine();
		}
		// every BMP character alone and before a combining acute, in all
		// four forms, folded into one checksum per form
		foreach (var f in forms) {
			long sum = 0;
			for (int c = 0; c < 0x10000; c++) {
				if (c >= 0xD800 && c < 0xE000)
					continue;
				string one = ((char) c).ToString();
				foreach (char r in one.Normalize(f) + (one + "\u0301").Normalize(f))
					sum = sum * 31 + r & 0xFFFFFFFFFFFL;
				sum += one.IsNormalized(f) ? 7 : 3;
			}
			Console.WriteLine(f + " checksum " + sum);
		}
		Console.WriteLine(Hex("caf\u00e9".Normalize()) + " " + "cafe\u0301".IsNormalized());
		string[] uris = {
			"http://example.com:8080/a/b?x=1&y=%20#frag",
			"http://127.0.0.1:5000/api/items/3?name=caf%C3%A9",
			"https://user:pw@Example.COM/A%2fB/../c/./d",
			"http://[::1]:8080/",
			"http://xn--caf-dma.com/",
			"http://café.example/ünïcode path?q=é",
			"ftp://ftp.example.org/pub/file.txt",
			"file:///tmp/some%20file",
			"mailto:someone@example.com",
		};
		foreach (string u in uris) {
			var uri = new Uri(u);
			Console.WriteLine(uri.Scheme + " | " + Uri.EscapeDataString(uri.Host) + " | " + uri.Port + " | " + uri.AbsolutePath +
				" | " + uri.Query + " | " + uri.Fragment + " | " + Uri.EscapeUriString(uri.AbsoluteUri) + " | " + uri.IsLoopback);
		}
		var b = new Uri("http://h/a/b/c");
		Console.WriteLine(new Uri(b, "../d?e").ToString() + " " + Uri.EscapeDataString("a b&c/é") +
			" " + Uri.UnescapeDataString("a%20b%26") + " " + Uri.IsWellFormedUriString("http://x/ y", UriKind.Absolute));
		Uri bad;
		Console.WriteLine(Uri.TryCreate("http://[bad", UriKind.Absolute, out bad) + " " + (bad == null));
		try { new Uri("not a uri"); } catch (UriFormatException e) { Console.WriteLine("UriFormatException " + e.Message); }
		Console.WriteLine(AppDomain.CurrentDomain.SetupInformation.ApplicationBase.EndsWith("/") + " " +
			AppDomain.CurrentDomain.SetupInformation.ConfigurationFile.EndsWith(".config"));
	}
}
