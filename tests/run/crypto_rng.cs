// RNGCryptoServiceProvider reads the kernel's random numbers (made directly:
// RandomNumberGenerator.Create() goes through CryptoConfig's names and
// reflection, and gives null here still):
// 4096 bytes are not all equal, two draws differ,
// and GetNonZeroBytes gives no zero.
using System;
using System.Security.Cryptography;

static class CryptoRng {
	static int Main() {
		using (var rng = new RNGCryptoServiceProvider()) {
			var a = new byte[4096];
			var b = new byte[4096];
			rng.GetBytes(a);
			rng.GetBytes(b);
			bool allSame = true;
			for (int i = 1; i < a.Length; i++)
				if (a[i] != a[0]) allSame = false;
			bool differ = false;
			for (int i = 0; i < a.Length; i++)
				if (a[i] != b[i]) differ = true;
			var nz = new byte[1024];
			rng.GetNonZeroBytes(nz);
			bool zero = Array.IndexOf(nz, (byte)0) >= 0;
			Out.L("all equal: " + allSame);
			Out.L("two draws differ: " + differ);
			Out.L("a zero among non-zero bytes: " + zero);
		}
		return 0;
	}
}
