// A reverse Polish calculator reading one expression per line from
// standard input; errors are reported per line and counted in the exit code.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace rpncalc
{
	class Program
	{
		static double Evaluate(string line)
		{
			var stack = new Stack<double>();
			foreach (string tok in line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries)) {
				switch (tok) {
				case "+": case "-": case "*": case "/": case "^": {
					if (stack.Count < 2)
						throw new InvalidOperationException("stack underflow at '" + tok + "'");
					double b = stack.Pop(), a = stack.Pop();
					stack.Push(tok == "+" ? a + b : tok == "-" ? a - b : tok == "*" ? a * b : tok == "/" ? a / b : Math.Pow(a, b));
					break;
				}
				case "sqrt":
					stack.Push(Math.Sqrt(stack.Pop()));
					break;
				case "dup":
					stack.Push(stack.Peek());
					break;
				case "swap": {
					double b = stack.Pop(), a = stack.Pop();
					stack.Push(b);
					stack.Push(a);
					break;
				}
				default:
					stack.Push(double.Parse(tok, NumberStyles.Float, CultureInfo.InvariantCulture));
					break;
				}
			}
			if (stack.Count != 1)
				throw new InvalidOperationException(stack.Count + " values left on the stack");
			return stack.Pop();
		}

		public static int Main(string[] args)
		{
			int errors = 0, n = 0;
			string line;
			while ((line = Console.In.ReadLine()) != null) {
				line = line.Trim();
				if (line.Length == 0 || line.StartsWith("#"))
					continue;
				n++;
				try {
					double v = Evaluate(line);
					Console.WriteLine("{0,-24} = {1}", line, v.ToString("G10", CultureInfo.InvariantCulture));
				} catch (FormatException) {
					errors++;
					Console.WriteLine("{0,-24} ! not a number", line);
				} catch (InvalidOperationException e) {
					errors++;
					Console.WriteLine("{0,-24} ! {1}", line, e.Message);
				}
			}
			Console.WriteLine("{0} expressions, {1} errors", n, errors);
			return errors;
		}
	}
}
