// StringBuilder building text from strings and chars (Append, Insert,
// Remove, indexer, Length), a string switch statement (compiled to a hash
// or an if-chain by mcs), and a small tokenizer over a string.
using System;
using System.Text;

static class StrBuilder {
	static int Eval(string op, int a, int b)
	{
		switch (op) {
		case "add": return a + b;
		case "sub": return a - b;
		case "mul": return a * b;
		case "div": return b == 0 ? 0 : a / b;
		case "mod": return a % b;
		case "min": return a < b ? a : b;
		case "max": return a > b ? a : b;
		case "":
			return -1;
		case null:
			return -2;
		default:
			return -3;
		}
	}

	static string Kind(string word)
	{
		switch (word) {
		case "if":
		case "else":
		case "while":
			return "keyword";
		case "true":
		case "false":
			return "literal";
		}
		return "name";
	}

	static void Number(StringBuilder sb, int v)
	{
		if (v < 0) {
			sb.Append('-');
			v = -v;
		}
		if (v >= 10)
			Number(sb, v / 10);
		sb.Append((char)('0' + v % 10));
	}

	static int Main()
	{
		StringBuilder sb = new StringBuilder();
		string[] ops = { "add", "sub", "mul", "div", "mod", "min", "max", "pow", "", null };
		for (int i = 0; i < ops.Length; i++) {
			sb.Append(ops[i] == null ? "null" : ops[i]);
			sb.Append('=');
			Number(sb, Eval(ops[i], 17, 5));
			sb.Append(i + 1 < ops.Length ? ", " : ".");
		}
		Out.L(sb.ToString());
		Out.L("length", sb.Length);

		StringBuilder t = new StringBuilder("world");
		t.Insert(0, "hello ");
		t.Append('!', 3);
		t[0] = 'H';
		t.Remove(5, 1);
		Out.L(t.ToString());
		t.Length = 5;
		Out.L("truncated", t.ToString());
		t.Clear();
		Out.L("cleared", t.Length);

		StringBuilder big = new StringBuilder(4);
		for (int i = 0; i < 1000; i++)
			big.Append((char)('a' + i % 26));
		string bs = big.ToString();
		Out.L("big length", bs.Length);
		Out.L("big tail", bs.Substring(995));

		string src = "while x1 if true else y_2 false";
		int pos = 0;
		while (pos < src.Length) {
			if (src[pos] == ' ') {
				pos++;
				continue;
			}
			int start = pos;
			while (pos < src.Length && src[pos] != ' ')
				pos++;
			string word = src.Substring(start, pos - start);
			Out.S(word);
			Out.S(":");
			Out.L(Kind(word));
		}

		StringBuilder rev = new StringBuilder();
		string pal = "A man a plan a canal Panama";
		for (int i = pal.Length - 1; i >= 0; i--)
			if (pal[i] != ' ')
				rev.Append(pal[i]);
		string r = rev.ToString().ToLowerInvariant();
		string f = pal.Replace(" ", "").ToLowerInvariant();
		Out.L("palindrome", r == f);
		return Eval("mul", 6, 7);
	}
}
