// size: 16
// Allocation: the benchmarks game's binary trees (single-threaded). Many
// short-lived trees of small objects beside one long-lived tree; the
// checksum adds up every node count.
sealed class Node {
	Node left, right;

	Node(Node left, Node right) { this.left = left; this.right = right; }

	public static Node Make(int depth)
	{
		return depth == 0 ? new Node(null, null) : new Node(Make(depth - 1), Make(depth - 1));
	}

	public int Check()
	{
		return left == null ? 1 : 1 + left.Check() + right.Check();
	}
}

static class BinaryTrees {
	static int Main(string[] args)
	{
		int n = Bench.Size(args, 12);
		int max = n < 6 ? 6 : n;
		long sum = Node.Make(max + 1).Check();
		Node longLived = Node.Make(max);
		for (int d = 4; d <= max; d += 2) {
			int iterations = 1 << (max - d + 4);
			for (int i = 0; i < iterations; i++)
				sum += Node.Make(d).Check();
		}
		sum += longLived.Check();
		Bench.Print(sum);
		return 0;
	}
}
