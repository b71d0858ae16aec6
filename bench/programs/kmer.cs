// size: 2000000
// Dictionaries: k-mer counting over a pseudo-random DNA sequence, as the
// benchmarks game's k-nucleotide does, twice: with string keys
// (Substring, then Dictionary<string,int>) and with a struct key packing
// the k-mer into a ulong (Dictionary<Kmer,int>, IEquatable). The checksum
// adds the number of distinct k-mers and the sum of squared counts, which
// do not depend on the dictionary's order.
using System;
using System.Collections.Generic;

struct Kmer : IEquatable<Kmer> {
	public readonly ulong Bits;

	public Kmer(ulong bits) { Bits = bits; }

	public bool Equals(Kmer o) { return Bits == o.Bits; }

	public override bool Equals(object o) { return o is Kmer && Equals((Kmer)o); }

	public override int GetHashCode() { return (int)(Bits ^ (Bits >> 29)); }
}

static class KmerCount {
	static char[] Sequence(int n)
	{
		var s = new char[n];
		uint x = 42;
		for (int i = 0; i < n; i++) {
			x = x * 1664525 + 1013904223;
			s[i] = "ACGT"[(int)(x >> 30)];
		}
		return s;
	}

	static long ByString(string seq, int k)
	{
		var counts = new Dictionary<string, int>();
		for (int i = 0; i + k <= seq.Length; i++) {
			string key = seq.Substring(i, k);
			int c;
			counts.TryGetValue(key, out c);
			counts[key] = c + 1;
		}
		long sum = counts.Count;
		foreach (var kv in counts)
			sum += (long)kv.Value * kv.Value;
		return sum;
	}

	static ulong Code(char c)
	{
		return c == 'A' ? 0UL : c == 'C' ? 1UL : c == 'G' ? 2UL : 3UL;
	}

	static long ByStruct(char[] seq, int k)
	{
		var counts = new Dictionary<Kmer, int>();
		ulong mask = k == 32 ? ulong.MaxValue : (1UL << (2 * k)) - 1, bits = 0;
		for (int i = 0; i < seq.Length; i++) {
			bits = ((bits << 2) | Code(seq[i])) & mask;
			if (i + 1 < k)
				continue;
			var key = new Kmer(bits);
			int c;
			counts.TryGetValue(key, out c);
			counts[key] = c + 1;
		}
		long sum = counts.Count;
		foreach (var kv in counts)
			sum += (long)kv.Value * kv.Value;
		return sum;
	}

	static int Main(string[] args)
	{
		int n = Bench.Size(args, 100000);
		char[] chars = Sequence(n);
		string seq = new string(chars);
		long sum = 0;
		foreach (int k in new[] { 1, 2, 3, 4, 6, 12, 18 }) {
			sum += ByString(seq, k);
			sum += ByStruct(chars, k);
		}
		Bench.Print(sum);
		return 0;
	}
}
