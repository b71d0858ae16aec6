// Objects that refer to objects of their own class survive collections
// (a class whose only reference field has its own type is not pointer-free);
// GC.CollectionCount counts collections (it said 0 for ever once) and
// GC.GetAllocatedBytesForCurrentThread only grows.
using System;

class Node {
	public Node next;
	public int v;
	public Node(Node next, int v) { this.next = next; this.v = v; }
}

class Tree {
	public Tree left, right;
	public Tree(Tree l, Tree r) { left = l; right = r; }
	public static Tree Make(int d) { return d == 0 ? new Tree(null, null) : new Tree(Make(d - 1), Make(d - 1)); }
	public int Count() { return 1 + (left == null ? 0 : left.Count() + right.Count()); }
}

static class GcSelfRef {
	static int Main()
	{
		Node list = null;
		for (int i = 0; i < 1000; i++)
			list = new Node(list, i);
		for (int i = 0; i < 20000; i++)
			new Node(null, -1);
		int before = GC.CollectionCount(GC.MaxGeneration);
		GC.Collect();
		/* a full collection counts in the oldest generation (Mono's sgen
		 * counts it there only; ilcc's Boehm has one generation) */
		Out.L(GC.CollectionCount(GC.MaxGeneration) > before ? "collected" : "not counted");
		/* allocated bytes only grow, whatever a collection frees */
		long allocated = GC.GetAllocatedBytesForCurrentThread();
		for (int i = 0; i < 100; i++)
			new Node(null, i);
		long len = 0;
		for (int i = 0; i < 32; i++)
			len += new byte[1 << 20].Length;    /* garbage at once */
		GC.Collect();
		Out.L("allocated 32 MB more", GC.GetAllocatedBytesForCurrentThread() - allocated >= len);
		long sum = 0;
		for (Node n = list; n != null; n = n.next)
			sum += n.v;
		Out.L("list sum", sum);
		Tree keep = Tree.Make(12);
		for (int i = 0; i < 4; i++)
			Tree.Make(10);
		GC.Collect();
		Out.L("tree nodes", keep.Count());
		return 0;
	}
}
