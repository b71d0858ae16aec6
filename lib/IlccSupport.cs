// IlccSupport: the types that modern C# compilers need and Mono's class
// library (mscorlib 4.5 of Mono 6.8) lacks. The C# front end (src/frontend.c)
// passes this assembly as a reference to every compilation; the compiler
// writes a reference to it only when the program uses one of these types,
// so programs that need none of them do not depend on it.
//
// Only what Mono lacks belongs here: a type that mscorlib also defines would
// be ambiguous. Each is what the compiler looks for by name; none has
// behaviour of its own. Written for ilcc; compiled by mcs when ilcc is built.
using System;

namespace System.Runtime.CompilerServices {
	// init-only setters and records (C# 9): a modreq on the setter
	public static class IsExternalInit { }

	// [ModuleInitializer] (C# 9)
	[AttributeUsage(AttributeTargets.Method, Inherited = false)]
	public sealed class ModuleInitializerAttribute : Attribute { }

	// required members (C# 11)
	[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
	public sealed class RequiredMemberAttribute : Attribute { }

	[AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
	public sealed class CompilerFeatureRequiredAttribute : Attribute {
		public CompilerFeatureRequiredAttribute(string featureName) { FeatureName = featureName; }
		public string FeatureName { get; private set; }
		public bool IsOptional { get; set; }
		public const string RefStructs = "RefStructs";
		public const string RequiredMembers = "RequiredMembers";
	}

	// [CallerArgumentExpression("x")] (C# 10)
	[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
	public sealed class CallerArgumentExpressionAttribute : Attribute {
		public CallerArgumentExpressionAttribute(string parameterName) { ParameterName = parameterName; }
		public string ParameterName { get; private set; }
	}

	// custom interpolated string handlers (C# 10)
	[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
	public sealed class InterpolatedStringHandlerAttribute : Attribute { }

	[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
	public sealed class InterpolatedStringHandlerArgumentAttribute : Attribute {
		public InterpolatedStringHandlerArgumentAttribute(string argument) { Arguments = new string[] { argument }; }
		public InterpolatedStringHandlerArgumentAttribute(params string[] arguments) { Arguments = arguments; }
		public string[] Arguments { get; private set; }
	}

	// [SkipLocalsInit] (C# 9)
	[AttributeUsage(AttributeTargets.Module | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Event, Inherited = false)]
	public sealed class SkipLocalsInitAttribute : Attribute { }

	// collection expressions of a user type (C# 12)
	[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = false)]
	public sealed class CollectionBuilderAttribute : Attribute {
		public CollectionBuilderAttribute(Type builderType, string methodName) { BuilderType = builderType; MethodName = methodName; }
		public Type BuilderType { get; private set; }
		public string MethodName { get; private set; }
	}

	// params collections (C# 13)
	[AttributeUsage(AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
	public sealed class ParamCollectionAttribute : Attribute { }

	// [OverloadResolutionPriority] (C# 13)
	[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
	public sealed class OverloadResolutionPriorityAttribute : Attribute {
		public OverloadResolutionPriorityAttribute(int priority) { Priority = priority; }
		public int Priority { get; private set; }
	}
}

namespace System.Runtime.InteropServices {
	// exported to C by `ilcc build --shared/--static-lib` (src/emit/exports.c
	// knows it by name); Roslyn also checks its rules (static, no managed
	// callers, blittable signature)
	[AttributeUsage(AttributeTargets.Method, Inherited = false)]
	public sealed class UnmanagedCallersOnlyAttribute : Attribute {
		public Type[] CallConvs;
		public string EntryPoint;
	}
}

namespace System.Diagnostics.CodeAnalysis {
	// [SetsRequiredMembers] on constructors (C# 11)
	[AttributeUsage(AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
	public sealed class SetsRequiredMembersAttribute : Attribute { }

	// nullable flow attributes that Mono's mscorlib lacks (C# 9)
	[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
	public sealed class MemberNotNullAttribute : Attribute {
		public MemberNotNullAttribute(string member) { Members = new string[] { member }; }
		public MemberNotNullAttribute(params string[] members) { Members = members; }
		public string[] Members { get; private set; }
	}

	[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
	public sealed class MemberNotNullWhenAttribute : Attribute {
		public MemberNotNullWhenAttribute(bool returnValue, string member) { ReturnValue = returnValue; Members = new string[] { member }; }
		public MemberNotNullWhenAttribute(bool returnValue, params string[] members) { ReturnValue = returnValue; Members = members; }
		public bool ReturnValue { get; private set; }
		public string[] Members { get; private set; }
	}

	// [UnscopedRef] (C# 11)
	[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
	public sealed class UnscopedRefAttribute : Attribute { }

	// [StringSyntax] (C# 11 tooling)
	[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
	public sealed class StringSyntaxAttribute : Attribute {
		public StringSyntaxAttribute(string syntax) { Syntax = syntax; Arguments = new object[0]; }
		public StringSyntaxAttribute(string syntax, params object[] arguments) { Syntax = syntax; Arguments = arguments; }
		public string Syntax { get; private set; }
		public object[] Arguments { get; private set; }
	}
}
