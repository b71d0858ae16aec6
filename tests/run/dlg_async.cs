// Delegate BeginInvoke/EndInvoke: value, reference and struct arguments
// and results, void delegates, ref and out parameters copied back by
// EndInvoke, the callback (on a pool thread, after completion) and the
// state, an exception thrown by the call rethrown by EndInvoke, EndInvoke
// called before and after completion, IsCompleted and AsyncWaitHandle, the
// AsyncResult's delegate, and the misuses Mono refuses (EndInvoke twice,
// another delegate's result, a multicast delegate, null). The generic
// method is Mono's gshared.cs test_0_begin_end_invoke.
using System;
using System.Runtime.Remoting.Messaging;
using System.Threading;

delegate int BinOp(int a, int b);
delegate void Say(string s);
delegate int RefOut(ref int a, out string b, int c);
delegate Pair PairOp(Pair p, long k);

struct Pair {
	public string name;
	public long v;
}

class Counter {
	public int n;
	public int Add(int a, int b) { n++; return a + b + n; }
}

class DlgAsync {
	static string said;
	static ManualResetEvent gate = new ManualResetEvent(false);
	static ManualResetEvent called = new ManualResetEvent(false);
	static string seen;

	static int Add(int a, int b) { return a + b; }

	static int Blocked(int a, int b)
	{
		gate.WaitOne();
		return a * b;
	}

	static int Fails(int a, int b)
	{
		throw new InvalidOperationException("failed with " + a + "," + b);
	}

	static int Swap(ref int a, out string b, int c)
	{
		b = "was " + a;
		a = a * c;
		return a + 1;
	}

	static Pair Scale(Pair p, long k)
	{
		return new Pair { name = p.name + "*" + k, v = p.v * k };
	}

	static T[] Del<T>(T t)
	{
		var res = new T[5];
		Func<T, T, T, T, T> func = delegate(T t1, T t2, T t3, T t4) {
			res[0] = t1; res[1] = t2; res[2] = t3; res[3] = t4; return t1;
		};
		var v = func.BeginInvoke(t, t, t, t, null, null);
		res[4] = func.EndInvoke(v);
		return res;
	}

	static void Done(IAsyncResult ar)
	{
		var d = (BinOp)((AsyncResult)ar).AsyncDelegate;
		seen = "state " + ar.AsyncState + ", completed " + ar.IsCompleted +
			", pool " + Thread.CurrentThread.IsThreadPoolThread +
			", result " + d.EndInvoke(ar);
		called.Set();
	}

	static void Values()
	{
		BinOp add = Add;
		IAsyncResult ar = add.BeginInvoke(2, 3, null, null);
		Out.L("add", add.EndInvoke(ar));
		Out.L("state null", ar.AsyncState == null);
		Out.L("sync", ar.CompletedSynchronously);
		Out.L("type", ar.GetType().FullName);
		Out.L("same delegate", ((AsyncResult)ar).AsyncDelegate == add);

		var c = new Counter();
		BinOp inst = c.Add;
		Out.L("instance", inst.EndInvoke(inst.BeginInvoke(10, 20, null, null)));
		Out.L("counter", c.n);

		Func<string, string, string> cat = (x, y) => x + "+" + y;
		Out.L("strings", cat.EndInvoke(cat.BeginInvoke("ab", null, null, null)));

		PairOp scale = Scale;
		Pair p = scale.EndInvoke(scale.BeginInvoke(new Pair { name = "p", v = 21 }, 2, null, null));
		Out.L(p.name, p.v);

		int[] ia = Del(1);
		double[] da = Del(2.0);
		Out.L("generic int", ia[0] + ia[1] + ia[2] + ia[3] + ia[4]);
		Out.L("generic double", da[0] + da[1] + da[2] + da[3] + da[4]);
	}

	static void VoidAndRefs()
	{
		Say say = s => { said = "said " + s; };
		IAsyncResult ar = say.BeginInvoke("hello", null, null);
		say.EndInvoke(ar);
		Out.L(said);

		RefOut ro = Swap;
		int a = 6;
		string b = "unset";
		IAsyncResult r2 = ro.BeginInvoke(ref a, out b, 7, null, null);
		Out.L("before EndInvoke", a + " " + b);
		int ret = ro.EndInvoke(ref a, out b, r2);
		Out.L("after EndInvoke", a + " " + b + " " + ret);
	}

	static void Callback()
	{
		BinOp add = Add;
		IAsyncResult ar = add.BeginInvoke(40, 2, Done, "the state");
		called.WaitOne();
		Out.L(seen);
		Out.L("state", (string)ar.AsyncState);
		try {
			add.EndInvoke(ar);
		} catch (InvalidOperationException e) {
			Out.L("second EndInvoke", e.Message);
		}
	}

	static void Exceptions()
	{
		BinOp fails = Fails;
		IAsyncResult ar = fails.BeginInvoke(1, 2, null, null);
		try {
			fails.EndInvoke(ar);
			Out.L("no exception");
		} catch (InvalidOperationException e) {
			Out.L("rethrown", e.Message);
		}
		Out.L("completed", ar.IsCompleted);

		BinOp add = Add, other = Add;
		IAsyncResult mine = add.BeginInvoke(1, 1, null, null);
		try {
			other.EndInvoke(mine);
		} catch (InvalidOperationException e) {
			Out.L("other delegate", e.Message);
		}
		Out.L("mine", add.EndInvoke(mine));

		BinOp both = (BinOp)Delegate.Combine(add, other);
		try {
			both.BeginInvoke(1, 2, null, null);
		} catch (ArgumentException e) {
			Out.L("multicast", e.Message);
		}
	}

	static void Waiting()
	{
		BinOp blocked = Blocked;
		IAsyncResult ar = blocked.BeginInvoke(6, 7, null, null);
		Out.L("completed before", ar.IsCompleted);
		var opener = new Thread(() => { Thread.Sleep(50); gate.Set(); });
		opener.Start();
		Out.L("waited", blocked.EndInvoke(ar));
		Out.L("completed after", ar.IsCompleted);
		opener.Join();

		BinOp add = Add;
		IAsyncResult done = add.BeginInvoke(5, 6, null, null);
		Out.L("wait handle", done.AsyncWaitHandle.WaitOne());
		Out.L("completed", done.IsCompleted);
		Out.L("after completion", add.EndInvoke(done));
	}

	static void Main()
	{
		Values();
		VoidAndRefs();
		Callback();
		Exceptions();
		Waiting();
	}
}
