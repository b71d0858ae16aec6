// An undo history built on Stack<T>: undoing more times than there are
// edits pops an empty stack, and the InvalidOperationException is not
// caught, so the program dies with exit status 1 after its output so far.
using System;
using System.Collections.Generic;
using System.Text;

namespace emptystack
{
	class Editor
	{
		readonly StringBuilder text = new StringBuilder();
		readonly Stack<int> undo = new Stack<int>();

		public void Type(string s)
		{
			undo.Push(text.Length);
			text.Append(s);
			Console.WriteLine("type {0,-8} -> \"{1}\"", "\"" + s + "\"", text);
		}

		public void Undo()
		{
			int length = undo.Pop();
			text.Length = length;
			Console.WriteLine("undo          -> \"{0}\"", text);
		}
	}

	class Program
	{
		public static void Main(string[] args)
		{
			var e = new Editor();
			e.Type("Hello");
			e.Type(", ");
			e.Type("world");
			for (int i = 0; i < 5; i++)
				e.Undo();
			Console.WriteLine("not reached");
		}
	}
}
