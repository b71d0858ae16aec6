// size: 150000
// Virtual calls: N passes over 1024 objects of four sealed subclasses, each
// pass threading an accumulator through every object's override. The call
// site sees all four targets, in runs of 256 so the hardware predicts the
// indirect branch: what is measured is the dispatch, not the mispredictions
// (on this VM a mispredicted indirect call costs ~20 ns, gcc's and mono's
// alike).
abstract class Op {
	protected int k;
	public abstract int Apply(int x);
}

sealed class Add : Op {
	public Add(int k) { this.k = k; }
	public override int Apply(int x) { return x + k; }
}

sealed class Xor : Op {
	public Xor(int k) { this.k = k; }
	public override int Apply(int x) { return x ^ k; }
}

sealed class Mul : Op {
	public Mul(int k) { this.k = k | 1; }
	public override int Apply(int x) { return x * k; }
}

sealed class Rot : Op {
	public Rot(int k) { this.k = (k & 30) + 1; }
	public override int Apply(int x) { return (x << k) | (int)((uint)x >> (32 - k)); }
}

static class Virtual {
	static int Main(string[] args)
	{
		int n = Bench.Size(args, 10000);
		Op[] ops = new Op[1024];
		uint seed = 12345;
		for (int i = 0; i < ops.Length; i++) {
			seed = seed * 1103515245 + 12345;
			int k = (int)(seed >> 16) & 0xffff;
			switch (i >> 8) {
			case 0: ops[i] = new Add(k); break;
			case 1: ops[i] = new Xor(k); break;
			case 2: ops[i] = new Mul(k); break;
			default: ops[i] = new Rot(k); break;
			}
		}
		int acc = 1;
		for (int r = 0; r < n; r++)
			for (int i = 0; i < ops.Length; i++)
				acc = ops[i].Apply(acc);
		Bench.Print(acc);
		return 0;
	}
}
