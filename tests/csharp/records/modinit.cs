// A module initializer (C# 9): Roslyn compiles it into <Module>'s static
// constructor, which runs before Main (top-level statements here). Mono's
// class library has no ModuleInitializerAttribute; Roslyn takes one of the
// program's own.
using System.Runtime.CompilerServices;

namespace System.Runtime.CompilerServices
{
	[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
	sealed class ModuleInitializerAttribute : Attribute { }
}

static class Init
{
	public static int Count;

	[ModuleInitializer]
	internal static void First()
	{
		Count++;
		L("module initializer, count " + Count);
	}

	[ModuleInitializer]
	internal static void Second()
	{
		Count++;
		L("second module initializer, count " + Count);
	}
}
