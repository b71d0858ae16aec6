// A lexer for a small C-like language: identifiers, keywords, numbers,
// strings with escapes, operators and comments, with line:column positions
// and a token summary.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace tokenizer
{
	enum Kind { Keyword, Identifier, Number, String, Operator, Punct, Error }

	struct Token
	{
		public Kind Kind;
		public string Text;
		public int Line, Col;
		public override string ToString() => $"{Line,2}:{Col,-3} {Kind,-10} {Text}";
	}

	class Lexer
	{
		static readonly HashSet<string> Keywords = new HashSet<string> { "if", "else", "while", "return", "int", "string", "func" };
		static readonly string[] Operators = { "==", "!=", "<=", ">=", "&&", "||", "+=", "++", "=", "<", ">", "+", "-", "*", "/", "!" };
		readonly string src;
		int pos, line = 1, col = 1;

		public Lexer(string src) { this.src = src; }

		char Peek(int k = 0) => pos + k < src.Length ? src[pos + k] : '\0';

		void Advance()
		{
			if (src[pos] == '\n') { line++; col = 1; } else col++;
			pos++;
		}

		public IEnumerable<Token> Tokens()
		{
			while (pos < src.Length) {
				char c = Peek();
				if (char.IsWhiteSpace(c)) { Advance(); continue; }
				if (c == '/' && Peek(1) == '/') { while (pos < src.Length && Peek() != '\n') Advance(); continue; }
				if (c == '/' && Peek(1) == '*') {
					while (pos < src.Length && !(Peek() == '*' && Peek(1) == '/')) Advance();
					if (pos < src.Length) { Advance(); Advance(); }
					continue;
				}
				int l = line, cl = col, start = pos;
				if (char.IsLetter(c) || c == '_') {
					while (char.IsLetterOrDigit(Peek()) || Peek() == '_') Advance();
					string w = src.Substring(start, pos - start);
					yield return new Token { Kind = Keywords.Contains(w) ? Kind.Keyword : Kind.Identifier, Text = w, Line = l, Col = cl };
				} else if (char.IsDigit(c)) {
					while (char.IsDigit(Peek()) || (Peek() == '.' && char.IsDigit(Peek(1)))) Advance();
					yield return new Token { Kind = Kind.Number, Text = src.Substring(start, pos - start), Line = l, Col = cl };
				} else if (c == '"') {
					var sb = new StringBuilder();
					Advance();
					while (pos < src.Length && Peek() != '"' && Peek() != '\n') {
						if (Peek() == '\\') {
							Advance();
							char e = Peek();
							sb.Append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
						} else sb.Append(Peek());
						Advance();
					}
					bool closed = Peek() == '"';
					if (closed) Advance();
					yield return new Token { Kind = closed ? Kind.String : Kind.Error, Text = closed ? "\"" + sb.ToString().Replace("\n", "\\n") + "\"" : "unterminated string", Line = l, Col = cl };
				} else {
					string op = Operators.FirstOrDefault(o => string.CompareOrdinal(src, pos, o, 0, o.Length) == 0);
					if (op != null) {
						for (int i = 0; i < op.Length; i++) Advance();
						yield return new Token { Kind = Kind.Operator, Text = op, Line = l, Col = cl };
					} else {
						Advance();
						yield return new Token { Kind = "(){};,".IndexOf(c) >= 0 ? Kind.Punct : Kind.Error, Text = c.ToString(), Line = l, Col = cl };
					}
				}
			}
		}
	}

	class Program
	{
		public static int Main(string[] args)
		{
			const string source = "func max(int a, int b) {\n  // pick the larger\n  if (a >= b) { return a; }\n  return b; /* done */\n}\n" +
				"string s = \"tab\\there\\n\";\nwhile (i != 10 && ok) i += 2.5;\nx = y @ 3;\nstring bad = \"oops\n";
			var tokens = new Lexer(source).Tokens().ToList();
			foreach (var t in tokens)
				Console.WriteLine(t);
			Console.WriteLine("{0} tokens", tokens.Count);
			foreach (var g in tokens.GroupBy(t => t.Kind).OrderBy(g => g.Key))
				Console.WriteLine("  {0,-10} {1,3}  e.g. {2}", g.Key, g.Count(), string.Join(" ", g.Select(t => t.Text).Distinct().Take(4)));
			return tokens.Count(t => t.Kind == Kind.Error);
		}
	}
}
