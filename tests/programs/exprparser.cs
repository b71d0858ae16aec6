// A recursive-descent parser for arithmetic with variables, assignments and
// function calls; it prints each statement's value or its syntax error.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace exprparser
{
	class ParseException : Exception
	{
		public int Position { get; }
		public ParseException(string message, int position) : base(message) { Position = position; }
	}

	class Parser
	{
		readonly string text;
		int pos;
		readonly Dictionary<string, double> vars;

		public Parser(string text, Dictionary<string, double> vars) { this.text = text; this.vars = vars; }

		void SkipSpaces() { while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++; }

		bool Eat(char c)
		{
			SkipSpaces();
			if (pos < text.Length && text[pos] == c) { pos++; return true; }
			return false;
		}

		string Identifier()
		{
			SkipSpaces();
			int start = pos;
			while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
				pos++;
			return text.Substring(start, pos - start);
		}

		public double Statement()
		{
			SkipSpaces();
			int save = pos;
			string name = Identifier();
			if (name.Length > 0 && char.IsLetter(name[0]) && Eat('=')) {
				double v = Expr();
				End();
				vars[name] = v;
				return v;
			}
			pos = save;
			double r = Expr();
			End();
			return r;
		}

		void End()
		{
			SkipSpaces();
			if (pos != text.Length)
				throw new ParseException("unexpected '" + text[pos] + "'", pos);
		}

		double Expr()
		{
			double v = Term();
			for (;;) {
				if (Eat('+')) v += Term();
				else if (Eat('-')) v -= Term();
				else return v;
			}
		}

		double Term()
		{
			double v = Factor();
			for (;;) {
				if (Eat('*')) v *= Factor();
				else if (Eat('/')) v /= Factor();
				else if (Eat('%')) v %= Factor();
				else return v;
			}
		}

		double Factor()
		{
			double b = Unary();
			if (Eat('^'))
				return Math.Pow(b, Factor());
			return b;
		}

		double Unary()
		{
			if (Eat('-')) return -Unary();
			if (Eat('(')) {
				double v = Expr();
				if (!Eat(')')) throw new ParseException("missing ')'", pos);
				return v;
			}
			SkipSpaces();
			if (pos < text.Length && (char.IsDigit(text[pos]) || text[pos] == '.')) {
				int start = pos;
				while (pos < text.Length && (char.IsDigit(text[pos]) || text[pos] == '.'))
					pos++;
				return double.Parse(text.Substring(start, pos - start), CultureInfo.InvariantCulture);
			}
			int at = pos;
			string name = Identifier();
			if (name.Length == 0)
				throw new ParseException(pos < text.Length ? "unexpected '" + text[pos] + "'" : "unexpected end", pos);
			if (Eat('(')) {
				double arg = Expr();
				if (!Eat(')')) throw new ParseException("missing ')'", pos);
				switch (name) {
				case "sqrt": return Math.Sqrt(arg);
				case "abs": return Math.Abs(arg);
				case "sin": return Math.Sin(arg);
				case "ln": return Math.Log(arg);
				default: throw new ParseException("unknown function " + name, at);
				}
			}
			double val;
			if (!vars.TryGetValue(name, out val))
				throw new ParseException("unknown variable " + name, at);
			return val;
		}
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var vars = new Dictionary<string, double> { ["pi"] = Math.PI };
			string[] program = {
				"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "r = 2.5", "area = pi * r ^ 2",
				"area / 2", "10 % 4 + sqrt(16)", "abs(-7.25) * 2", "sin(pi / 2) + ln(1)", "x + 1",
				"3 * (4 + 5", "2 + * 3", "foo(2)", "1 2", "",
			};
			int errors = 0;
			foreach (string line in program) {
				try {
					double v = new Parser(line, vars).Statement();
					Console.WriteLine("{0,-22} => {1:G8}", line, v);
				} catch (ParseException e) {
					errors++;
					Console.WriteLine("{0,-22} => error at {1}: {2}", line, e.Position, e.Message);
				}
			}
			Console.WriteLine("variables: " + string.Join(", ", new List<string>(vars.Keys)));
			return errors;
		}
	}
}
