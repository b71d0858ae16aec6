// size: 150000
// Interface calls: as virtual.cs (runs of 256 objects of each class), but
// the four classes are unrelated and reached through an interface; each
// also implements another interface first, so the call is real interface
// dispatch, not slot 0 of a base class.
interface INamed {
	int Id();
}

interface IOp {
	int Apply(int x);
}

sealed class Add : INamed, IOp {
	int k;
	public Add(int k) { this.k = k; }
	public int Id() { return 0; }
	public int Apply(int x) { return x + k; }
}

sealed class Xor : INamed, IOp {
	int k;
	public Xor(int k) { this.k = k; }
	public int Id() { return 1; }
	public int Apply(int x) { return x ^ k; }
}

sealed class Mul : INamed, IOp {
	int k;
	public Mul(int k) { this.k = k | 1; }
	public int Id() { return 2; }
	public int Apply(int x) { return x * k; }
}

sealed class Rot : INamed, IOp {
	int k;
	public Rot(int k) { this.k = (k & 30) + 1; }
	public int Id() { return 3; }
	public int Apply(int x) { return (x << k) | (int)((uint)x >> (32 - k)); }
}

static class Interface {
	static int Main(string[] args)
	{
		int n = Bench.Size(args, 10000);
		IOp[] ops = new IOp[1024];
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
