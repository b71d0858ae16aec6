// Weak references and GC handles: weak ones let their targets die
// (runtime/gc.c weak links), strong ones keep them, handles are freed and
// made again, and WeakTrackResurrection follows an object its finalizer
// brings back. String literals are not scanned (runtime/gc.c roots):
// a lock and a hash code on one keep their monitor record through
// collections and fresh allocations. The collector scans stacks conservatively, so a few dead
// objects may live on: the checks count, over many objects.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

class Node {
	public int Value;
	public Node(int v) { Value = v; }
}

class Phoenix {
	public static List<Phoenix> Back = new List<Phoenix>();
	public int Value;
	~Phoenix() { lock (Back) Back.Add(this); }
}

class WeakTest {
	const int N = 2000;

	[MethodImpl(MethodImplOptions.NoInlining)]
	static WeakReference[] MakeWeak() {
		var refs = new WeakReference[N];
		for (int i = 0; i < N; i++)
			refs[i] = new WeakReference(new Node(i));
		return refs;
	}

	[MethodImpl(MethodImplOptions.NoInlining)]
	static GCHandle[] MakeHandles(GCHandleType type) {
		var hs = new GCHandle[N];
		for (int i = 0; i < N; i++)
			hs[i] = GCHandle.Alloc(new Node(i), type);
		return hs;
	}

	[MethodImpl(MethodImplOptions.NoInlining)]
	static void MakePhoenixes(GCHandle[] shortRefs, GCHandle[] longRefs) {
		for (int i = 0; i < shortRefs.Length; i++) {
			var p = new Phoenix { Value = i };
			shortRefs[i] = GCHandle.Alloc(p, GCHandleType.Weak);
			longRefs[i] = GCHandle.Alloc(p, GCHandleType.WeakTrackResurrection);
		}
	}

	static void Collect() {
		GC.Collect();
		GC.WaitForPendingFinalizers();
		GC.Collect();
	}

	// Fills the heap with blocks of about a monitor record's size, all
	// bits set, where a freed record would be reused.
	[MethodImpl(MethodImplOptions.NoInlining)]
	static void Churn() {
		var keep = new List<byte[]>();
		for (int i = 0; i < 20000; i++) {
			var b = new byte[96 + i % 64];
			for (int k = 0; k < b.Length; k++)
				b[k] = 0xFF;
			if (i % 4 == 0)
				keep.Add(b);
		}
		GC.KeepAlive(keep);
	}

	static void LiteralMonitor() {
		int hash = RuntimeHelpers.GetHashCode("a literal to lock");
		bool same = true;
		for (int round = 0; round < 3; round++) {
			lock ("a literal to lock") {
				Collect();
				Churn();
				Collect();
			}
			Churn();
			same &= RuntimeHelpers.GetHashCode("a literal to lock") == hash;
		}
		var t = new Thread(() => {
			lock ("a literal to lock")
				Monitor.Pulse("a literal to lock");
		});
		bool woken;
		lock ("a literal to lock") {
			t.Start();
			Collect();
			Churn();
			woken = Monitor.Wait("a literal to lock", 60000);
		}
		t.Join();
		Console.WriteLine("literal: hash kept " + same + ", lock and wait " + woken);
	}

	static int Alive(GCHandle[] hs) {
		int n = 0;
		foreach (var h in hs)
			if (h.Target != null)
				n++;
		return n;
	}

	static void Main() {
		var kept = new Node(42);
		var wk = new WeakReference(kept);
		Collect();
		Console.WriteLine("held: alive " + wk.IsAlive + ", value " + ((Node)wk.Target).Value);
		GC.KeepAlive(kept);

		var refs = MakeWeak();
		Collect();
		int alive = 0;
		foreach (var r in refs)
			if (r.IsAlive)
				alive++;
		Console.WriteLine("weak references: most dead " + (alive < N / 2));

		var weak = MakeHandles(GCHandleType.Weak);
		var strong = MakeHandles(GCHandleType.Normal);
		Collect();
		Console.WriteLine("weak handles: most dead " + (Alive(weak) < N / 2));
		int right = 0;
		for (int i = 0; i < N; i++)
			if (((Node)strong[i].Target).Value == i)
				right++;
		Console.WriteLine("normal handles: all alive " + (right == N));

		weak[0].Target = kept;
		Collect();
		Console.WriteLine("weak handle set to a held object: " + ((Node)weak[0].Target).Value);
		foreach (var h in weak)
			h.Free();
		foreach (var h in strong)
			h.Free();
		Console.WriteLine("freed: " + weak[0].IsAllocated);

		var again = MakeHandles(GCHandleType.Normal);
		Console.WriteLine("made again: " + again[N - 1].IsAllocated + " " + ((Node)again[N - 1].Target).Value);
		foreach (var h in again)
			h.Free();

		var shortRefs = new GCHandle[200];
		var longRefs = new GCHandle[200];
		MakePhoenixes(shortRefs, longRefs);
		Collect();
		int back;
		lock (Phoenix.Back) back = Phoenix.Back.Count;
		Console.WriteLine("resurrected: most " + (back > 100));
		Console.WriteLine("short weak, resurrected: most dead " + (Alive(shortRefs) < 100));
		Console.WriteLine("tracking resurrection: all alive " + (Alive(longRefs) == 200));
		LiteralMonitor();
		GC.KeepAlive(kept);
	}
}
