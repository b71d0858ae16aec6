// size: 10
// Array access: the benchmarks game's fannkuch-redux (small int arrays,
// indexed in tight loops, every access bounds-checked in C#). Prints the
// checksum and the maximum number of flips.
static class Fannkuch {
	static int Main(string[] args)
	{
		int n = Bench.Size(args, 9);
		int[] perm = new int[n], perm1 = new int[n], count = new int[n];
		for (int i = 0; i < n; i++)
			perm1[i] = i;
		int maxFlips = 0, checksum = 0, permCount = 0, r = n;
		while (true) {
			while (r != 1) {
				count[r - 1] = r;
				r--;
			}
			for (int i = 0; i < n; i++)
				perm[i] = perm1[i];
			int flips = 0;
			int k;
			while ((k = perm[0]) != 0) {
				int k2 = (k + 1) >> 1;
				for (int i = 0; i < k2; i++) {
					int t = perm[i];
					perm[i] = perm[k - i];
					perm[k - i] = t;
				}
				flips++;
			}
			if (flips > maxFlips)
				maxFlips = flips;
			checksum += (permCount & 1) == 0 ? flips : -flips;
			while (true) {
				if (r == n) {
					Bench.Print(checksum);
					Bench.Print(maxFlips);
					return 0;
				}
				int perm0 = perm1[0];
				for (int i = 0; i < r; i++)
					perm1[i] = perm1[i + 1];
				perm1[r] = perm0;
				count[r]--;
				if (count[r] > 0)
					break;
				r++;
			}
			permCount++;
		}
	}
}
