// A first program for ilcc. (System.Console is not supported yet, so it
// prints through libc's puts.)
using System.Runtime.InteropServices;

static class Hello {
	[DllImport("libc")]
	static extern int puts(string s);

	static int Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }

	static int Main(string[] args)
	{
		puts("Hello from ilcc!");
		string count = "fib(30) = ";
		int f = Fib(30);
		char[] digits = new char[12];
		int i = digits.Length;
		do { digits[--i] = (char)('0' + f % 10); f /= 10; } while (f > 0);
		puts(count + new string(digits, i, digits.Length - i));
		return args.Length;
	}
}
