// Exceptions raised by the runtime's own checks: null dereference (field,
// virtual and instance calls, arrays), array bounds, casts, integer
// division, checked arithmetic and conversions, covariant array stores.
using System;

class Node {
	public int Value;
	public Node Next;
	public virtual int Get() { return Value; }
	public int Plain() { return 5; }
}

static class ExcChecks {
	delegate void Action0();

	static void Try(string what, Action0 a)
	{
		Out.S(what);
		Out.S(": ");
		try {
			a();
			Out.L("no exception");
		} catch (NullReferenceException) {
			Out.L("NullReference");
		} catch (IndexOutOfRangeException) {
			Out.L("IndexOutOfRange");
		} catch (InvalidCastException) {
			Out.L("InvalidCast");
		} catch (DivideByZeroException) {
			Out.L("DivideByZero");
		} catch (OverflowException) {
			Out.L("Overflow");
		} catch (ArrayTypeMismatchException) {
			Out.L("ArrayTypeMismatch");
		} catch (Exception) {
			Out.L("other");
		}
	}

	static Node nil;
	static int[] nums = { 1, 2, 3 };
	static int zero;
	static long lzero;
	static int imax = int.MaxValue;
	static object boxed = "text";
	static int sink;

	static int Main()
	{
		Try("field load", () => { sink = nil.Value; });
		Try("field store", () => { nil.Value = 1; });
		Try("chained field", () => { Node n = new Node(); sink = n.Next.Value; });
		Try("virtual call", () => { sink = nil.Get(); });
		Try("instance call", () => { sink = nil.Plain(); });
		Try("null array length", () => { int[] a = null; sink = a.Length; });
		Try("null array load", () => { int[] a = null; sink = a[0]; });
		Try("index -1", () => { int i = -1; sink = nums[i]; });
		Try("index 3", () => { sink = nums[nums.Length]; });
		Try("index ok", () => { sink = nums[2]; });
		Try("store out of range", () => { nums[3] = 0; });
		Try("cast string to Node", () => { Node n = (Node)boxed; });
		Try("unbox to int", () => { sink = (int)boxed; });
		Try("as returns null", () => { Node n = boxed as Node; sink = n == null ? 1 : 0; });
		Try("int div", () => { sink = 10 / zero; });
		Try("int rem", () => { sink = 10 % zero; });
		Try("long div", () => { sink = (int)(10L / lzero); });
		// mono raises DivideByZeroException here, CoreCLR OverflowException:
		// both are ArithmeticExceptions.
		try {
			int m = int.MinValue, d = -1 + zero;
			sink = m / d;
			Out.L("min / -1: no exception");
		} catch (ArithmeticException) {
			Out.L("min / -1: Arithmetic");
		}
		Try("checked add", () => { sink = checked(imax + 1); });
		Try("checked mul", () => { sink = checked(imax * 2); });
		Try("checked sub", () => { sink = checked(-imax - 2); });
		Try("checked long", () => { long l = long.MaxValue - zero; sink = (int)checked(l + 1); });
		Try("checked uint", () => { uint u = 0; sink = (int)checked(u - 1); });
		Try("checked to byte", () => { sink = checked((byte)(zero + 256)); });
		Try("checked to sbyte", () => { sink = checked((sbyte)(zero - 129)); });
		Try("checked to uint", () => { sink = (int)checked((uint)(zero - 1)); });
		Try("checked long to int", () => { long l = 1L << 40; sink = checked((int)l); });
		Try("checked ulong", () => { long l = -1 + zero; sink = (int)checked((ulong)l); });
		Try("checked ok", () => { sink = checked((byte)(zero + 255)); });
		Try("unchecked wraps", () => { sink = unchecked(imax + 1); });
		Try("covariant store", () => {
			object[] objs = new string[2];
			objs[0] = "fine";
			objs[1] = new Node();
		});
		Try("covariant store null", () => { object[] objs = new string[1]; objs[0] = null; });
		Out.L("sink", sink);
		return 0;
	}
}
