// The program the command-line tests build: small, so that builds are quick.
using System.Runtime.InteropServices;

static class P {
	[DllImport("libc")]
	static extern int puts(string s);

	static int Main(string[] args)
	{
		puts("built by ilcc");
		foreach (string a in args)
			puts(a);
		return args.Length;
	}
}
