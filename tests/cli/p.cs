// The program the command-line tests build: small, so that builds are quick.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

static class P {
	[DllImport("libc")]
	static extern int puts(string s);

	// its definition says RT_NOINLINE (checked by cli/emit_c)
	[MethodImpl(MethodImplOptions.NoInlining)]
	static string Banner() { return "built by ilcc"; }

	static int Main(string[] args)
	{
		puts(Banner());
		foreach (string a in args)
			puts(a);
		return args.Length;
	}
}
