// IlccExpr: the expression-tree interpreter behind Expression.Compile in a
// program built by ilcc (docs/design.md, "Expression.Compile"). Written for
// ilcc; built by `make` with mcs into build/IlccExpr.dll, which ilcc loads
// when a program reaches LambdaCompiler.Compile and substitutes that
// method by Interpreter.Compile (src/emit/expr.c).
//
// A compiled lambda is a Closure (the tree and the variables it can see)
// inside a delegate of the lambda's own type: the delegate's code is a C
// thunk ilcc writes per delegate type (expr.c), which boxes the arguments
// into an object[] and calls Closure.Call, then unboxes the result.
// Members the tree names (methods, constructors, fields, properties) are
// reached through reflection, which keeps them because the C# compiler
// names them with ldtoken. Variables live in scopes chained to the
// closure's: a nested lambda sees its parent's variables by reference.
// break/continue/return (goto a label) unwind as a private exception to the
// block or loop holding the label.
using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Ilcc.Expressions {

public sealed class Closure {
	readonly LambdaExpression lambda;
	readonly Scope parent;

	internal Closure(LambdaExpression lambda, Scope parent)
	{
		this.lambda = lambda;
		this.parent = parent;
	}

	// The delegate thunk's call: one argument per parameter.
	public object Call(object[] args)
	{
		var s = new Scope(parent);
		var ps = lambda.Parameters;
		for (int i = 0; i < ps.Count; i++)
			s.Declare(ps[i], args[i]);
		return Interpreter.Eval(lambda.Body, s);
	}
}

sealed class Scope {
	readonly Scope parent;
	readonly Dictionary<ParameterExpression, StrongBox<object>> vars =
		new Dictionary<ParameterExpression, StrongBox<object>>();

	internal Scope(Scope parent) { this.parent = parent; }

	internal void Declare(ParameterExpression p, object v)
	{
		vars[p] = new StrongBox<object>(v);
	}

	internal StrongBox<object> TryFind(ParameterExpression p)
	{
		for (var s = this; s != null; s = s.parent) {
			StrongBox<object> b;
			if (s.vars.TryGetValue(p, out b))
				return b;
		}
		return null;
	}

	internal StrongBox<object> Find(ParameterExpression p)
	{
		var b = TryFind(p);
		if (b != null)
			return b;
		throw new InvalidOperationException("variable '" + p.Name + "' of type '" + p.Type +
						    "' referenced from scope '', but it is not defined");
	}
}

// A quoted tree (an Expression<T> argument inside a tree) with the
// variables of the enclosing lambdas it uses replaced by their values.
sealed class QuoteRewriter : ExpressionVisitor {
	readonly Scope scope;
	readonly List<ParameterExpression> bound = new List<ParameterExpression>();

	internal QuoteRewriter(Scope scope) { this.scope = scope; }

	protected override Expression VisitLambda<T>(Expression<T> node)
	{
		int n = bound.Count;
		bound.AddRange(node.Parameters);
		var r = base.VisitLambda(node);
		bound.RemoveRange(n, bound.Count - n);
		return r;
	}

	protected override Expression VisitBlock(BlockExpression node)
	{
		int n = bound.Count;
		bound.AddRange(node.Variables);
		var r = base.VisitBlock(node);
		bound.RemoveRange(n, bound.Count - n);
		return r;
	}

	protected override Expression VisitParameter(ParameterExpression node)
	{
		if (bound.Contains(node))
			return node;
		var b = scope.TryFind(node);
		return b == null ? (Expression)node : Expression.Constant(b.Value, node.Type);
	}
}

sealed class GotoSignal : Exception {
	internal readonly LabelTarget Target;
	internal readonly object Value;
	internal GotoSignal(LabelTarget t, object v) { Target = t; Value = v; }
}

public static class Interpreter {
	// LambdaCompiler.Compile(lambda), substituted: a delegate of
	// lambda.Type that interprets the tree.
	public static Delegate Compile(LambdaExpression lambda)
	{
		return MakeDelegate(lambda.Type, new Closure(lambda, null));
	}

	// A delegate of type t whose thunk calls c.Call (runtime/reflect.c,
	// over the table src/emit/expr.c writes).
	[MethodImpl(MethodImplOptions.InternalCall)]
	static extern Delegate MakeDelegate(Type t, Closure c);

	internal static object Eval(Expression e, Scope s)
	{
		if (e == null)
			return null;
		var b = e as BinaryExpression;
		if (b != null)
			return Binary(b, s);
		var u = e as UnaryExpression;
		if (u != null)
			return Unary(u, s);
		switch (e.NodeType) {
		case ExpressionType.Constant: return ((ConstantExpression)e).Value;
		case ExpressionType.Parameter: return s.Find((ParameterExpression)e).Value;
		case ExpressionType.Conditional: return Conditional((ConditionalExpression)e, s);
		case ExpressionType.MemberAccess: return Member((MemberExpression)e, s);
		case ExpressionType.Call: return Call((MethodCallExpression)e, s);
		case ExpressionType.New: return New((NewExpression)e, s);
		case ExpressionType.Invoke: return Invoke((InvocationExpression)e, s);
		case ExpressionType.Lambda:
			var l = (LambdaExpression)e;
			return MakeDelegate(l.Type, new Closure(l, s));
		case ExpressionType.NewArrayInit: return NewArrayInit((NewArrayExpression)e, s);
		case ExpressionType.NewArrayBounds: return NewArrayBounds((NewArrayExpression)e, s);
		case ExpressionType.ListInit: return ListInit((ListInitExpression)e, s);
		case ExpressionType.MemberInit: return MemberInit((MemberInitExpression)e, s);
		case ExpressionType.Block: return Block((BlockExpression)e, s);
		case ExpressionType.Loop: return Loop((LoopExpression)e, s);
		case ExpressionType.Goto:
			var g = (GotoExpression)e;
			throw new GotoSignal(g.Target, Eval(g.Value, s));
		case ExpressionType.Label: return Eval(((LabelExpression)e).DefaultValue, s);
		case ExpressionType.Default: return Default(e.Type);
		case ExpressionType.DebugInfo: return null;
		case ExpressionType.TypeIs: return TypeIs((TypeBinaryExpression)e, s);
		case ExpressionType.TypeEqual:
			var te = (TypeBinaryExpression)e;
			var o = Eval(te.Expression, s);
			return o != null && o.GetType() == te.TypeOperand;
		case ExpressionType.Index: return Index((IndexExpression)e, s);
		case ExpressionType.Try: return Try((TryExpression)e, s);
		case ExpressionType.Switch: return Switch((SwitchExpression)e, s);
		}
		throw new NotSupportedException("ilcc's expression interpreter does not evaluate " +
						e.NodeType + " nodes");
	}

	static object[] EvalAll(IList<Expression> es, Scope s)
	{
		var r = new object[es.Count];
		for (int i = 0; i < r.Length; i++)
			r[i] = Eval(es[i], s);
		return r;
	}

	internal static object Default(Type t)
	{
		if (!t.IsValueType || t == typeof(void) || Nullable.GetUnderlyingType(t) != null)
			return null;
		return Activator.CreateInstance(t);
	}

	// ---- members, calls, objects ----
	static object Unwrap(TargetInvocationException e)
	{
		throw e.InnerException;
	}

	static object Invoke(MethodBase m, object target, object[] args)
	{
		try {
			var c = m as ConstructorInfo;
			return c != null ? c.Invoke(args) : m.Invoke(target, args);
		} catch (TargetInvocationException e) {
			return Unwrap(e);
		}
	}

	static object Target(Expression e, Scope s)
	{
		if (e == null)
			return null;
		var o = Eval(e, s);
		if (o == null)
			throw new NullReferenceException();
		return o;
	}

	// Members of Nullable<T> on its boxed form (null, or a boxed T).
	static bool IsNullable(Expression e)
	{
		return e != null && Nullable.GetUnderlyingType(e.Type) != null;
	}

	static object OnNullable(string name, object v, object[] args, Type t)
	{
		switch (name) {
		case "get_HasValue": case "HasValue": return v != null;
		case "get_Value": case "Value":
			if (v == null)
				throw new InvalidOperationException("Nullable object must have a value.");
			return v;
		case "GetValueOrDefault":
			return v ?? (args.Length > 0 ? args[0] : Default(Nullable.GetUnderlyingType(t)));
		case "ToString": return v == null ? "" : v.ToString();
		case "GetHashCode": return v == null ? 0 : v.GetHashCode();
		case "Equals": return v == null ? args[0] == null : v.Equals(args[0]);
		}
		throw new NotSupportedException("ilcc's expression interpreter does not call Nullable." + name);
	}

	static object Member(MemberExpression e, Scope s)
	{
		if (IsNullable(e.Expression))
			return OnNullable(e.Member.Name, Eval(e.Expression, s), new object[0], e.Expression.Type);
		var o = Target(e.Expression, s);
		var f = e.Member as FieldInfo;
		if (f != null)
			return f.GetValue(o);
		var p = (PropertyInfo)e.Member;
		return Invoke(p.GetGetMethod(true), o, new object[0]);
	}

	static object Call(MethodCallExpression e, Scope s)
	{
		if (IsNullable(e.Object))
			return OnNullable(e.Method.Name, Eval(e.Object, s), EvalAll(e.Arguments, s), e.Object.Type);
		var o = Target(e.Object, s);
		return Invoke(e.Method, o, EvalAll(e.Arguments, s));
	}

	static object New(NewExpression e, Scope s)
	{
		if (e.Constructor == null)
			return Default(e.Type);
		return Invoke(e.Constructor, null, EvalAll(e.Arguments, s));
	}

	static object Invoke(InvocationExpression e, Scope s)
	{
		var args = EvalAll(e.Arguments, s);
		var l = e.Expression as LambdaExpression;
		if (l != null)
			return new Closure(l, s).Call(args);
		var d = (Delegate)Target(e.Expression, s);
		try {
			return d.DynamicInvoke(args);
		} catch (TargetInvocationException x) {
			return Unwrap(x);
		}
	}

	static object NewArrayInit(NewArrayExpression e, Scope s)
	{
		var a = Array.CreateInstance(e.Type.GetElementType(), e.Expressions.Count);
		for (int i = 0; i < e.Expressions.Count; i++)
			a.SetValue(Eval(e.Expressions[i], s), i);
		return a;
	}

	static object NewArrayBounds(NewArrayExpression e, Scope s)
	{
		var n = new int[e.Expressions.Count];
		for (int i = 0; i < n.Length; i++)
			n[i] = Convert.ToInt32(Eval(e.Expressions[i], s));
		return Array.CreateInstance(e.Type.GetElementType(), n);
	}

	static void AddAll(object o, IList<ElementInit> inits, Scope s)
	{
		foreach (var i in inits)
			Invoke(i.AddMethod, o, EvalAll(i.Arguments, s));
	}

	static object ListInit(ListInitExpression e, Scope s)
	{
		var o = Eval(e.NewExpression, s);
		AddAll(o, e.Initializers, s);
		return o;
	}

	static object MemberInit(MemberInitExpression e, Scope s)
	{
		var o = Eval(e.NewExpression, s);
		Bind(o, e.Bindings, s);
		return o;
	}

	static void Bind(object o, IList<MemberBinding> bs, Scope s)
	{
		foreach (var b in bs) {
			var a = b as MemberAssignment;
			if (a != null) {
				SetMember(o, b.Member, Eval(a.Expression, s));
				continue;
			}
			var inner = GetMember(o, b.Member);
			var l = b as MemberListBinding;
			if (l != null)
				AddAll(inner, l.Initializers, s);
			else
				Bind(inner, ((MemberMemberBinding)b).Bindings, s);
		}
	}

	static object GetMember(object o, MemberInfo m)
	{
		var f = m as FieldInfo;
		if (f != null)
			return f.GetValue(o);
		return Invoke(((PropertyInfo)m).GetGetMethod(true), o, new object[0]);
	}

	static void SetMember(object o, MemberInfo m, object v)
	{
		var f = m as FieldInfo;
		if (f != null)
			f.SetValue(o, v);
		else
			Invoke(((PropertyInfo)m).GetSetMethod(true), o, new object[] { v });
	}

	static object Index(IndexExpression e, Scope s)
	{
		var o = Target(e.Object, s);
		var args = EvalAll(e.Arguments, s);
		if (e.Indexer != null)
			return Invoke(e.Indexer.GetGetMethod(true), o, args);
		return ((Array)o).GetValue(Indices(args));
	}

	static int[] Indices(object[] args)
	{
		var r = new int[args.Length];
		for (int i = 0; i < r.Length; i++)
			r[i] = Convert.ToInt32(args[i]);
		return r;
	}

	static object TypeIs(TypeBinaryExpression e, Scope s)
	{
		var o = Eval(e.Expression, s);
		return o != null && e.TypeOperand.IsInstanceOfType(o);
	}

	// ---- control ----
	static object Conditional(ConditionalExpression e, Scope s)
	{
		return (bool)Eval(e.Test, s) ? Eval(e.IfTrue, s) : Eval(e.IfFalse, s);
	}

	static object Block(BlockExpression e, Scope outer)
	{
		var s = new Scope(outer);
		foreach (var v in e.Variables)
			s.Declare(v, Default(v.Type));
		object r = null;
		var es = e.Expressions;
		for (int i = 0; i < es.Count; i++) {
			try {
				r = Eval(es[i], s);
			} catch (GotoSignal g) {
				int at = LabelIn(es, g.Target);
				if (at < 0)
					throw;
				i = at;
				r = g.Value;
			}
		}
		return r;
	}

	static int LabelIn(IList<Expression> es, LabelTarget t)
	{
		for (int i = 0; i < es.Count; i++) {
			var l = es[i] as LabelExpression;
			if (l != null && l.Target == t)
				return i;
		}
		return -1;
	}

	static object Loop(LoopExpression e, Scope s)
	{
		for (;;) {
			try {
				Eval(e.Body, s);
			} catch (GotoSignal g) {
				if (g.Target == e.BreakLabel)
					return g.Value;
				if (g.Target != e.ContinueLabel)
					throw;
			}
		}
	}

	static object Try(TryExpression e, Scope s)
	{
		try {
			return Eval(e.Body, s);
		} catch (GotoSignal) {
			throw;
		} catch (Exception x) {
			foreach (var h in e.Handlers) {
				if (!h.Test.IsInstanceOfType(x))
					continue;
				var hs = new Scope(s);
				if (h.Variable != null)
					hs.Declare(h.Variable, x);
				if (h.Filter != null && !(bool)Eval(h.Filter, hs))
					continue;
				return Eval(h.Body, hs);
			}
			throw;
		} finally {
			Eval(e.Finally, s);
		}
	}

	static object Switch(SwitchExpression e, Scope s)
	{
		var v = Eval(e.SwitchValue, s);
		foreach (var c in e.Cases)
			foreach (var t in c.TestValues)
				if (e.Comparison != null ? (bool)Invoke(e.Comparison, null, new[] { v, Eval(t, s) }) :
				    Equals(v, Eval(t, s)))
					return Eval(c.Body, s);
		return Eval(e.DefaultBody, s);
	}

	// ---- assignment ----
	static object Assign(BinaryExpression e, Scope s)
	{
		return Store(e.Left, e.Right, null, s);
	}

	// target = value (an expression), or = the given value when value is null
	static object Store(Expression target, Expression value, object given, Scope s)
	{
		var p = target as ParameterExpression;
		if (p != null)
			return s.Find(p).Value = value != null ? Eval(value, s) : given;
		var m = target as MemberExpression;
		if (m != null) {
			var o = m.Expression == null ? null : Target(m.Expression, s);
			var v = value != null ? Eval(value, s) : given;
			SetMember(o, m.Member, v);
			return v;
		}
		var ix = (IndexExpression)target;
		var t = Target(ix.Object, s);
		var args = EvalAll(ix.Arguments, s);
		var val = value != null ? Eval(value, s) : given;
		if (ix.Indexer != null) {
			var all = new object[args.Length + 1];
			args.CopyTo(all, 0);
			all[args.Length] = val;
			Invoke(ix.Indexer.GetSetMethod(true), t, all);
		} else {
			((Array)t).SetValue(val, Indices(args));
		}
		return val;
	}

	// x op= y: the operator of each compound assignment
	static readonly Dictionary<ExpressionType, ExpressionType> compound =
		new Dictionary<ExpressionType, ExpressionType> {
		{ ExpressionType.AddAssign, ExpressionType.Add },
		{ ExpressionType.AddAssignChecked, ExpressionType.AddChecked },
		{ ExpressionType.SubtractAssign, ExpressionType.Subtract },
		{ ExpressionType.SubtractAssignChecked, ExpressionType.SubtractChecked },
		{ ExpressionType.MultiplyAssign, ExpressionType.Multiply },
		{ ExpressionType.MultiplyAssignChecked, ExpressionType.MultiplyChecked },
		{ ExpressionType.DivideAssign, ExpressionType.Divide },
		{ ExpressionType.ModuloAssign, ExpressionType.Modulo },
		{ ExpressionType.AndAssign, ExpressionType.And },
		{ ExpressionType.OrAssign, ExpressionType.Or },
		{ ExpressionType.ExclusiveOrAssign, ExpressionType.ExclusiveOr },
		{ ExpressionType.LeftShiftAssign, ExpressionType.LeftShift },
		{ ExpressionType.RightShiftAssign, ExpressionType.RightShift },
		{ ExpressionType.PowerAssign, ExpressionType.Power },
	};

	static object CompoundAssign(BinaryExpression e, ExpressionType op, Scope s)
	{
		var x = Eval(e.Left, s);
		var y = Eval(e.Right, s);
		object r = e.Method != null ? Invoke(e.Method, null, new[] { x, y }) :
			   Operators.Binary(op, x, y, e.Left.Type, e.Left.Type);
		return Store(e.Left, null, r, s);
	}

	static object IncrementAssign(UnaryExpression e, Scope s)
	{
		var old = Eval(e.Operand, s);
		bool up = e.NodeType == ExpressionType.PreIncrementAssign ||
			  e.NodeType == ExpressionType.PostIncrementAssign;
		object r = e.Method != null ? Invoke(e.Method, null, new[] { old }) :
			   old == null ? null :
			   Operators.Unary(up ? ExpressionType.Increment : ExpressionType.Decrement, old, e.Type);
		Store(e.Operand, null, r, s);
		bool pre = e.NodeType == ExpressionType.PreIncrementAssign ||
			   e.NodeType == ExpressionType.PreDecrementAssign;
		return pre ? r : old;
	}

	// ---- operators ----
	static object Binary(BinaryExpression e, Scope s)
	{
		ExpressionType op;
		if (compound.TryGetValue(e.NodeType, out op))
			return CompoundAssign(e, op, s);
		switch (e.NodeType) {
		case ExpressionType.Assign: return Assign(e, s);
		case ExpressionType.AndAlso:
			return AndAlso(e, s);
		case ExpressionType.OrElse:
			return OrElse(e, s);
		case ExpressionType.Coalesce:
			var l = Eval(e.Left, s);
			if (l == null)
				return Eval(e.Right, s);
			if (e.Conversion != null)
				return MakeDelegate(e.Conversion.Type, new Closure(e.Conversion, s)).DynamicInvoke(l);
			return l;
		case ExpressionType.ArrayIndex:
			var a = (Array)Target(e.Left, s);
			return a.GetValue(Convert.ToInt64(Eval(e.Right, s)));
		}
		var x = Eval(e.Left, s);
		var y = Eval(e.Right, s);
		if (e.Method != null) {
			if (e.IsLifted && (x == null || y == null))
				return Operators.LiftedNull(e.NodeType, x, y, e.Type);
			return Invoke(e.Method, null, new[] { x, y });
		}
		return Operators.Binary(e.NodeType, x, y, e.Left.Type, e.Type);
	}

	static object AndAlso(BinaryExpression e, Scope s)
	{
		var l = Eval(e.Left, s);
		if (l != null && !(bool)l)
			return false;
		var r = Eval(e.Right, s);
		if (l == null)
			return r == null || (bool)r ? null : (object)false;
		return r;
	}

	static object OrElse(BinaryExpression e, Scope s)
	{
		var l = Eval(e.Left, s);
		if (l != null && (bool)l)
			return true;
		var r = Eval(e.Right, s);
		if (l == null)
			return r == null || !(bool)r ? null : (object)true;
		return r;
	}

	static object Unary(UnaryExpression e, Scope s)
	{
		switch (e.NodeType) {
		case ExpressionType.Quote: return new QuoteRewriter(s).Visit(e.Operand);
		case ExpressionType.PreIncrementAssign:
		case ExpressionType.PreDecrementAssign:
		case ExpressionType.PostIncrementAssign:
		case ExpressionType.PostDecrementAssign:
			return IncrementAssign(e, s);
		case ExpressionType.Throw:
			var x = (Exception)Eval(e.Operand, s);
			throw x ?? new NullReferenceException();
		}
		var v = Eval(e.Operand, s);
		switch (e.NodeType) {
		case ExpressionType.ArrayLength:
			if (v == null)
				throw new NullReferenceException();
			return ((Array)v).Length;
		case ExpressionType.TypeAs:
			return v != null && e.Type.IsInstanceOfType(v) ? v : null;
		case ExpressionType.Unbox:
			return v;
		}
		if (e.Method != null) {
			if (v == null && e.IsLifted)
				return null;
			return Invoke(e.Method, null, new[] { v });
		}
		if (e.NodeType == ExpressionType.Convert || e.NodeType == ExpressionType.ConvertChecked)
			return Operators.Convert(v, e.Operand.Type, e.Type, e.NodeType == ExpressionType.ConvertChecked);
		if (v == null)
			return null;
		return Operators.Unary(e.NodeType, v, e.Type);
	}
}

}
