// RNGCryptoServiceProvider reads the kernel's random numbers:
// 4096 bytes are not all equal, two draws differ,
// and GetNonZeroBytes gives no zero. Each algorithm's parameterless
// Create() makes Mono's default class (CryptoConfig's names and
// reflection under Mono; made directly by ilcc: subst.c crypto_algos),
// and the hashes give the known values. By name (CryptoConfig), a class
// that some Create() makes is found too.
using System;
using System.Security.Cryptography;
using System.Text;

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
		Factories();
		return 0;
	}

	static void Show(string what, object o)
	{
		Out.L(what + ".Create(): " + (o == null ? "null" : o.GetType().FullName));
	}

	static string Hex(byte[] b)
	{
		return BitConverter.ToString(b).Replace("-", "").ToLowerInvariant();
	}

	static void Factories()
	{
		Show("MD5", MD5.Create()); Show("SHA1", SHA1.Create());
		Show("SHA256", SHA256.Create()); Show("SHA384", SHA384.Create());
		Show("SHA512", SHA512.Create()); Show("RIPEMD160", RIPEMD160.Create());
		Show("HashAlgorithm", HashAlgorithm.Create());
		Show("KeyedHashAlgorithm", KeyedHashAlgorithm.Create()); Show("HMAC", HMAC.Create());
		Show("RandomNumberGenerator", RandomNumberGenerator.Create());
		Show("SymmetricAlgorithm", SymmetricAlgorithm.Create()); Show("Rijndael", Rijndael.Create());
		Show("Aes", Aes.Create()); Show("DES", DES.Create()); Show("TripleDES", TripleDES.Create());
		Show("RC2", RC2.Create()); Show("AsymmetricAlgorithm", AsymmetricAlgorithm.Create());
		Show("RSA", RSA.Create()); Show("DSA", DSA.Create());
		var data = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");
		using (var h = MD5.Create()) Out.L("md5 " + Hex(h.ComputeHash(data)));
		using (var h = SHA1.Create()) Out.L("sha1 " + Hex(h.ComputeHash(data)));
		using (var h = SHA256.Create()) Out.L("sha256 " + Hex(h.ComputeHash(data)));
		Show("HashAlgorithm(\"SHA256\")", HashAlgorithm.Create("SHA256"));
		Show("CryptoConfig(\"MD5\")", CryptoConfig.CreateFromName("MD5"));
		var r = new byte[16];
		RandomNumberGenerator.Create().GetBytes(r);
		Out.L("16 random bytes: " + r.Length);
	}
}
