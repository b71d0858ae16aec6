// C# source (Roslyn: function pointers need the .NET SDK's compiler): a C
// function pointer called through delegate* unmanaged[Cdecl].
using System.Runtime.InteropServices;

public static unsafe class FnLib {
	[UnmanagedCallersOnly(EntryPoint = "fn_apply")]
	public static int Apply(delegate* unmanaged[Cdecl]<int, int> f, int x) => f(x) + f(x + 1);
}
