// using statements dispose in reverse order on normal exit and on
// exceptions; lock releases its monitor when the body throws; custom
// exception classes carry fields across frames.
using System;
using System.Threading;

class Resource : IDisposable {
	string name;
	public static int Live;
	public Resource(string name) { this.name = name; Live++; Out.L("open", name); }
	public void Dispose() { Live--; Out.L("dispose", name); }
}

struct Scope : IDisposable {
	public int Id;
	public void Dispose() { Out.L("scope end", Id); }
}

class ParseError : Exception {
	public readonly int Line;
	public readonly int Column;
	public ParseError(int line, int column) { Line = line; Column = column; }
}

static class ExcUsing {
	static object gate = new object();
	static int counter;

	static void Nested(bool fail)
	{
		using (Resource a = new Resource("a"), b = new Resource("b")) {
			using (new Resource("c")) {
				if (fail)
					throw new ParseError(3, 14);
				Out.L("body done");
			}
		}
	}

	static void Locked(bool fail)
	{
		lock (gate) {
			counter++;
			if (fail)
				throw new ParseError(counter, 0);
		}
	}

	static void Parse(string text, int pos, int line)
	{
		if (pos == text.Length)
			return;
		if (text[pos] == '\n')
			line++;
		if (text[pos] == '!')
			throw new ParseError(line, pos);
		Parse(text, pos + 1, line);
	}

	static int Main()
	{
		Nested(false);
		try {
			Nested(true);
		} catch (ParseError e) {
			Out.L("caught line", e.Line);
			Out.L("caught column", e.Column);
		}
		Out.L("live", Resource.Live);

		using (Scope s = new Scope { Id = 7 })
			Out.L("in scope", s.Id);

		Resource n = null;
		using (n)
			Out.L("null resource is fine");

		for (int i = 0; i < 3; i++) {
			try {
				Locked(i == 1);
			} catch (ParseError e) {
				Out.L("lock body threw", e.Line);
			}
		}
		bool free = Monitor.TryEnter(gate);
		Out.L("monitor free", free);
		if (free)
			Monitor.Exit(gate);
		Out.L("counter", counter);

		try {
			Parse("abc\ndef\ngh!i", 0, 1);
		} catch (ParseError e) {
			Out.S("parse error at ");
			Out.I(e.Line);
			Out.S(":");
			Out.I(e.Column);
			Out.L();
		}
		return Resource.Live;
	}
}
