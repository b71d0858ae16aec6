// Mono's mscorlib has no UnmanagedCallersOnlyAttribute; ilcc recognises the
// attribute by its full name, so a library may declare it itself.
namespace System.Runtime.InteropServices {
	[AttributeUsage(AttributeTargets.Method)]
	sealed class UnmanagedCallersOnlyAttribute : Attribute {
		public string EntryPoint;
	}
}
