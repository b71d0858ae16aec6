// Strings: literals with escapes and non-ASCII characters (printed as
// char codes), Length and indexing, equality, Concat, Substring,
// IndexOf(char), Replace(char, char), invariant case mapping, ordinal
// StartsWith/EndsWith and CompareOrdinal, char arithmetic, null strings.
using System;

static class StrBasic {
	static void Codes(string label, string s)
	{
		Out.S(label);
		for (int i = 0; i < s.Length; i++) {
			Out.S(" ");
			Out.I(s[i]);
		}
		Out.L();
	}

	static string Caesar(string s, int shift)
	{
		char[] r = new char[s.Length];
		for (int i = 0; i < s.Length; i++) {
			char c = s[i];
			if (c >= 'a' && c <= 'z')
				c = (char)('a' + (c - 'a' + shift) % 26);
			else if (c >= 'A' && c <= 'Z')
				c = (char)('A' + (c - 'A' + shift) % 26);
			r[i] = c;
		}
		return new string(r);
	}

	static string Same(string s) { return s; }

	static int Main()
	{
		Codes("escapes", "\t\n\r\\\"\'\0\x41\u0042");
		Codes("non-ascii", "\u00e9\u4e2d\u03a9\U0001F600");
		Codes("verbatim", @"a\b""c");
		string s = "Hello, World";
		Out.L("length", s.Length);
		Out.L("s[7]", s[7]);
		Out.L("empty length", "".Length);

		string a = "abc", b = Same("ab") + Same("c");
		Out.L("== contents", a == b);
		Out.L("ReferenceEquals", (object)a == (object)b);
		Out.L("Equals", a.Equals(b));
		Out.L("!= ", a != "abd");
		Out.L("interned literal", (object)a == (object)"abc");
		Out.L("concat3", string.Concat("x", "y", "z"));
		Out.L("concat4", string.Concat(s, " ", a, "!"));
		Out.L("concat null", "[" + (string)null + "]");

		Out.L("Substring(7)", s.Substring(7));
		Out.L("Substring(0,5)", s.Substring(0, 5));
		Out.L("Substring(12)", "[" + s.Substring(12) + "]");
		try {
			s.Substring(13);
		} catch (ArgumentOutOfRangeException) {
			Out.L("Substring(13) throws");
		}
		Out.L("IndexOf('o')", s.IndexOf('o'));
		Out.L("IndexOf('o',5)", s.IndexOf('o', 5));
		Out.L("IndexOf('z')", s.IndexOf('z'));
		Out.L("LastIndexOf('l')", s.LastIndexOf('l'));
		Out.L("Replace", s.Replace('l', 'L'));
		Out.L("Replace none", (object)s.Replace('q', 'Q') == (object)s);
		Out.L("upper", s.ToUpperInvariant());
		Out.L("lower", s.ToLowerInvariant());
		Codes("upper e-acute", "\u00e9".ToUpperInvariant());
		Out.L("StartsWith", s.StartsWith("Hell", StringComparison.Ordinal));
		Out.L("StartsWith case", s.StartsWith("hell", StringComparison.Ordinal));
		Out.L("EndsWith", s.EndsWith("World", StringComparison.Ordinal));
		Out.L("CompareOrdinal <", Math.Sign(string.CompareOrdinal("apple", "banana")));
		Out.L("CompareOrdinal case", Math.Sign(string.CompareOrdinal("a", "B")));
		Out.L("CompareOrdinal eq", string.CompareOrdinal("same", "same"));
		Out.L("CompareOrdinal prefix", Math.Sign(string.CompareOrdinal("ab", "abc")));
		Out.L("Equals ordinal ignore case", string.Equals("MiXed", "mixed", StringComparison.OrdinalIgnoreCase));

		char c = 'A';
		c++;
		c += (char)2;
		Out.L("char arith", c);
		Out.L("char diff", 'z' - 'a');
		Out.L("digit value", '7' - '0');
		Out.L("char compare", 'a' < 'b');
		Out.L("caesar", Caesar("Attack at Dawn", 3));
		Out.L("caesar back", Caesar(Caesar("Attack at Dawn", 3), 23));
		Out.L("ToCharArray", s.ToCharArray().Length);
		Out.L("new string('*', 5)", new string('*', 5));

		string n = null;
		Out.L("null == null", n == null);
		Out.L("null == \"\"", n == "");
		Out.L("IsNullOrEmpty", string.IsNullOrEmpty(n) && string.IsNullOrEmpty(""));
		try {
			Out.L("null length", n.Length);
		} catch (NullReferenceException) {
			Out.L("null length throws");
		}
		Out.L("string.Empty", (object)string.Empty == (object)"");
		return s.Length;
	}
}
