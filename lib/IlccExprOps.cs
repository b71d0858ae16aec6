// IlccExprOps: the operators of ilcc's expression-tree interpreter
// (IlccExpr.cs) on boxed primitive values, as C# and the CLR define them.
// A number is widened to one of four kinds (long for signed integers,
// ulong for unsigned ones and char, double for floating point, decimal),
// the operation done in that kind (checked where the node is), and the
// result narrowed to the node's type: truncating, or with a range check
// (OverflowException) for checked nodes. Enums work on their underlying
// values; Nullable<T> operands are lifted (null in, null out; comparisons
// false; == and != compare null with null).
using System;
using System.Globalization;
using System.Linq.Expressions;

namespace Ilcc.Expressions {

static class Operators {
	static Type Plain(Type t)
	{
		var u = Nullable.GetUnderlyingType(t);
		return u ?? t;
	}

	static TypeCode Code(Type t)
	{
		t = Plain(t);
		return t.IsEnum ? Type.GetTypeCode(Enum.GetUnderlyingType(t)) : Type.GetTypeCode(t);
	}

	static bool IsNumeric(TypeCode c)
	{
		return c >= TypeCode.Char && c <= TypeCode.Decimal;
	}

	// long, ulong, double or decimal
	static object Widen(object v)
	{
		switch (System.Convert.GetTypeCode(v)) {
		case TypeCode.SByte: case TypeCode.Int16: case TypeCode.Int32: case TypeCode.Int64:
			return System.Convert.ToInt64(v, CultureInfo.InvariantCulture);
		case TypeCode.Byte: case TypeCode.UInt16: case TypeCode.UInt32: case TypeCode.UInt64:
			return System.Convert.ToUInt64(v, CultureInfo.InvariantCulture);
		case TypeCode.Char: return (ulong)(char)v;
		case TypeCode.Single: return (double)(float)v;
		case TypeCode.Double: return v;
		case TypeCode.Decimal: return v;
		case TypeCode.Boolean: return v;
		}
		throw new InvalidOperationException("not a number: " + v.GetType());
	}

	static long Bits(object w)
	{
		if (w is long) return (long)w;
		if (w is ulong) return unchecked((long)(ulong)w);
		if (w is decimal) return decimal.ToInt64(decimal.Truncate((decimal)w));
		double d = (double)w;
		return d < 0 ? (long)d : unchecked((long)(ulong)d);
	}

	// The widened value w as type code c (t: an enum's own type).
	static object Narrow(object w, TypeCode c, bool chk, Type t)
	{
		object r = NarrowCode(w, c, chk);
		t = Plain(t);
		return t.IsEnum ? Enum.ToObject(t, r) : r;
	}

	static object NarrowCode(object w, TypeCode c, bool chk)
	{
		switch (c) {
		case TypeCode.Double:
			return w is long ? (double)(long)w : w is ulong ? (double)(ulong)w :
			       w is decimal ? (double)(decimal)w : w;
		case TypeCode.Single:
			return w is long ? (float)(long)w : w is ulong ? (float)(ulong)w :
			       w is decimal ? (float)(decimal)w : (float)(double)w;
		case TypeCode.Decimal:
			return w is long ? (decimal)(long)w : w is ulong ? (decimal)(ulong)w :
			       w is double ? (decimal)(double)w : w;
		case TypeCode.Boolean:
			return w;
		}
		if (chk || w is decimal) {
			if (w is double)
				w = Math.Truncate((double)w);
			return System.Convert.ChangeType(w, c, CultureInfo.InvariantCulture);
		}
		long l = Bits(w);
		switch (c) {
		case TypeCode.SByte: return unchecked((sbyte)l);
		case TypeCode.Byte: return unchecked((byte)l);
		case TypeCode.Int16: return unchecked((short)l);
		case TypeCode.UInt16: return unchecked((ushort)l);
		case TypeCode.Char: return unchecked((char)l);
		case TypeCode.Int32: return unchecked((int)l);
		case TypeCode.UInt32: return unchecked((uint)l);
		case TypeCode.Int64: return l;
		case TypeCode.UInt64: return unchecked((ulong)l);
		}
		throw new InvalidOperationException("cannot convert to " + c);
	}

	// ---- conversions ----
	internal static object Convert(object v, Type from, Type to, bool chk)
	{
		if (to == typeof(void))
			return null;
		if (v == null) {
			if (to.IsValueType && Nullable.GetUnderlyingType(to) == null)
				throw new InvalidOperationException("Nullable object must have a value.");
			return null;
		}
		Type pt = Plain(to);
		TypeCode fc = Code(v.GetType()), tc = Code(pt);
		bool fromNum = v.GetType().IsPrimitive || v.GetType().IsEnum;
		if (pt.IsInstanceOfType(v) && !(pt.IsEnum || pt.IsPrimitive) || pt == v.GetType())
			return v;
		if (fromNum && (pt.IsPrimitive || pt.IsEnum) && Plain(from).IsValueType &&
		    IsNumeric(fc) && IsNumeric(tc))
			return Narrow(Widen(v), tc, chk, pt);
		if (pt.IsEnum && Code(v.GetType()) == tc)
			return Enum.ToObject(pt, v);
		if (pt.IsPrimitive && v.GetType().IsEnum && Code(v.GetType()) == tc)
			return System.Convert.ChangeType(v, tc, CultureInfo.InvariantCulture);
		throw new InvalidCastException("Specified cast is not valid.");
	}

	// ---- unary ----
	internal static object Unary(ExpressionType op, object v, Type t)
	{
		TypeCode c = Code(t);
		if (c == TypeCode.Boolean) {
			if (op == ExpressionType.Not || op == ExpressionType.IsFalse)
				return !(bool)v;
			if (op == ExpressionType.IsTrue)
				return v;
		}
		object w = Widen(v);
		bool chk = op == ExpressionType.NegateChecked;
		switch (op) {
		case ExpressionType.UnaryPlus:
			return v;
		case ExpressionType.Negate:
		case ExpressionType.NegateChecked:
			return Binary(chk ? ExpressionType.SubtractChecked : ExpressionType.Subtract,
				      Narrow(0L, c, false, t), v, t, t);
		case ExpressionType.Not:
		case ExpressionType.OnesComplement:
			return Narrow(~Bits(w), c, false, t);
		case ExpressionType.Increment:
			return Binary(ExpressionType.Add, v, Narrow(1L, c, false, t), t, t);
		case ExpressionType.Decrement:
			return Binary(ExpressionType.Subtract, v, Narrow(1L, c, false, t), t, t);
		}
		throw new NotSupportedException("ilcc's expression interpreter does not evaluate " + op);
	}

	// ---- binary ----
	// A lifted operator with a null operand.
	internal static object LiftedNull(ExpressionType op, object x, object y, Type result)
	{
		switch (op) {
		case ExpressionType.Equal: return result == typeof(bool) ? (object)(x == y) : null;
		case ExpressionType.NotEqual: return result == typeof(bool) ? (object)(x != y) : null;
		}
		return result == typeof(bool) ? (object)false : null;
	}

	internal static object Binary(ExpressionType op, object x, object y, Type operand, Type result)
	{
		if (x == null || y == null) {
			if (!Plain(operand).IsValueType || Nullable.GetUnderlyingType(operand) != null ||
			    Nullable.GetUnderlyingType(result) != null)
				return LiftedNull(op, x, y, result);
			throw new NullReferenceException();
		}
		TypeCode c = Code(operand);
		if (!IsNumeric(c) && c != TypeCode.Boolean) {
			if (op == ExpressionType.Equal) return ReferenceEquals(x, y) || x.GetType().IsValueType && x.Equals(y);
			if (op == ExpressionType.NotEqual) return !(ReferenceEquals(x, y) || x.GetType().IsValueType && x.Equals(y));
			throw new InvalidOperationException("The binary operator " + op + " is not defined for " + operand);
		}
		object wx = Widen(x), wy = Widen(y);
		if ((op == ExpressionType.Divide || op == ExpressionType.Modulo) && wx is long &&
		    (long)wy == -1 && (long)wx == MinOf(c))
			throw new OverflowException();  /* as the processor's division does */
		object r = Compare(op, wx, wy);
		if (r != null)
			return r;
		bool chk = op == ExpressionType.AddChecked || op == ExpressionType.SubtractChecked ||
			   op == ExpressionType.MultiplyChecked;
		if (op == ExpressionType.LeftShift || op == ExpressionType.RightShift)
			return Shift(op, wx, (int)Bits(wy), c, Plain(result));
		if (wx is bool)
			return Logic(op, (bool)wx, (bool)wy);
		if (wx is decimal || wy is decimal)
			return Narrow(Dec(op, (decimal)NarrowCode(wx, TypeCode.Decimal, false),
					  (decimal)NarrowCode(wy, TypeCode.Decimal, false)), c, chk, Plain(result));
		if (wx is double || wy is double)
			return Narrow(Dbl(op, (double)NarrowCode(wx, TypeCode.Double, false),
					  (double)NarrowCode(wy, TypeCode.Double, false)), c, chk, Plain(result));
		if (wx is ulong)
			return Narrow(U8(op, (ulong)wx, (ulong)wy, chk && c == TypeCode.UInt64), c, chk, Plain(result));
		return Narrow(I8(op, (long)wx, (long)wy, chk && c == TypeCode.Int64), c, chk, Plain(result));
	}

	static long MinOf(TypeCode c)
	{
		return c == TypeCode.Int32 ? int.MinValue : c == TypeCode.Int64 ? long.MinValue : 1;
	}

	static object Compare(ExpressionType op, object x, object y)
	{
		int cmp;
		if (x is double || y is double) {
			double a = (double)NarrowCode(x, TypeCode.Double, false);
			double b = (double)NarrowCode(y, TypeCode.Double, false);
			switch (op) {
			case ExpressionType.Equal: return a == b;
			case ExpressionType.NotEqual: return a != b;
			case ExpressionType.LessThan: return a < b;
			case ExpressionType.LessThanOrEqual: return a <= b;
			case ExpressionType.GreaterThan: return a > b;
			case ExpressionType.GreaterThanOrEqual: return a >= b;
			}
			return null;
		}
		if (x is bool)
			cmp = ((bool)x).CompareTo((bool)y);
		else if (x is decimal)
			cmp = ((decimal)x).CompareTo((decimal)y);
		else if (x is ulong)
			cmp = ((ulong)x).CompareTo((ulong)y);
		else
			cmp = ((long)x).CompareTo((long)y);
		switch (op) {
		case ExpressionType.Equal: return cmp == 0;
		case ExpressionType.NotEqual: return cmp != 0;
		case ExpressionType.LessThan: return cmp < 0;
		case ExpressionType.LessThanOrEqual: return cmp <= 0;
		case ExpressionType.GreaterThan: return cmp > 0;
		case ExpressionType.GreaterThanOrEqual: return cmp >= 0;
		}
		return null;
	}

	static object Logic(ExpressionType op, bool a, bool b)
	{
		switch (op) {
		case ExpressionType.And: return a & b;
		case ExpressionType.Or: return a | b;
		case ExpressionType.ExclusiveOr: return a ^ b;
		}
		throw new InvalidOperationException("The binary operator " + op + " is not defined for Boolean");
	}

	static object Shift(ExpressionType op, object x, int n, TypeCode c, Type t)
	{
		bool wide = c == TypeCode.Int64 || c == TypeCode.UInt64;
		n &= wide ? 63 : 31;
		if (x is ulong) {
			ulong u = (ulong)x;
			return Narrow(op == ExpressionType.LeftShift ? u << n : u >> n, c, false, t);
		}
		long l = (long)x;
		return Narrow(op == ExpressionType.LeftShift ? l << n : l >> n, c, false, t);
	}

	static object I8(ExpressionType op, long a, long b, bool chk)
	{
		switch (op) {
		case ExpressionType.Add: return unchecked(a + b);
		case ExpressionType.AddChecked: return chk ? checked(a + b) : a + b;
		case ExpressionType.Subtract: return unchecked(a - b);
		case ExpressionType.SubtractChecked: return chk ? checked(a - b) : a - b;
		case ExpressionType.Multiply: return unchecked(a * b);
		case ExpressionType.MultiplyChecked: return chk ? checked(a * b) : unchecked(a * b);
		case ExpressionType.Divide: return a / b;
		case ExpressionType.Modulo: return a % b;
		case ExpressionType.And: return a & b;
		case ExpressionType.Or: return a | b;
		case ExpressionType.ExclusiveOr: return a ^ b;
		case ExpressionType.Power: return (long)Math.Pow(a, b);
		}
		throw new NotSupportedException("ilcc's expression interpreter does not evaluate " + op);
	}

	static object U8(ExpressionType op, ulong a, ulong b, bool chk)
	{
		switch (op) {
		case ExpressionType.Add: return unchecked(a + b);
		case ExpressionType.AddChecked: return chk ? checked(a + b) : unchecked(a + b);
		case ExpressionType.Subtract: return unchecked(a - b);
		case ExpressionType.SubtractChecked: return chk ? checked(a - b) : unchecked((ulong)((long)a - (long)b));
		case ExpressionType.Multiply: return unchecked(a * b);
		case ExpressionType.MultiplyChecked: return chk ? checked(a * b) : unchecked(a * b);
		case ExpressionType.Divide: return a / b;
		case ExpressionType.Modulo: return a % b;
		case ExpressionType.And: return a & b;
		case ExpressionType.Or: return a | b;
		case ExpressionType.ExclusiveOr: return a ^ b;
		}
		throw new NotSupportedException("ilcc's expression interpreter does not evaluate " + op);
	}

	static object Dbl(ExpressionType op, double a, double b)
	{
		switch (op) {
		case ExpressionType.Add: case ExpressionType.AddChecked: return a + b;
		case ExpressionType.Subtract: case ExpressionType.SubtractChecked: return a - b;
		case ExpressionType.Multiply: case ExpressionType.MultiplyChecked: return a * b;
		case ExpressionType.Divide: return a / b;
		case ExpressionType.Modulo: return a % b;
		case ExpressionType.Power: return Math.Pow(a, b);
		}
		throw new NotSupportedException("ilcc's expression interpreter does not evaluate " + op);
	}

	static object Dec(ExpressionType op, decimal a, decimal b)
	{
		switch (op) {
		case ExpressionType.Add: case ExpressionType.AddChecked: return a + b;
		case ExpressionType.Subtract: case ExpressionType.SubtractChecked: return a - b;
		case ExpressionType.Multiply: case ExpressionType.MultiplyChecked: return a * b;
		case ExpressionType.Divide: return a / b;
		case ExpressionType.Modulo: return a % b;
		}
		throw new NotSupportedException("ilcc's expression interpreter does not evaluate " + op);
	}
}

}
