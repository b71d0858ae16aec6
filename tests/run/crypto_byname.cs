// Cryptographic algorithms found by name only (CryptoConfig.CreateFromName,
// HashAlgorithm.Create(name)): the program makes none of them by Create(),
// so only the names in its strings (with or without the namespace or
// dashes, or the class's own name) keep their classes (subst.c
// crypto_by_name); an unknown name gives null.
using System;
using System.Security.Cryptography;
using System.Text;
static class P {
	static void Say(string s) { Out.S(s); Out.L(); }
	static string Hex(byte[] b)
	{
		var sb = new StringBuilder();
		foreach (var x in b)
			sb.Append(x.ToString("x2"));
		return sb.ToString();
	}
	static void Hash(string name, object o)
	{
		var h = o as HashAlgorithm;
		Say(name + ": " + (h == null ? "null" : h.GetType().Name + " " +
			Hex(h.ComputeHash(Encoding.ASCII.GetBytes("abc"))).Substring(0, 16)));
	}
	static int Main()
	{
		Hash("SHA384", CryptoConfig.CreateFromName("SHA384"));
		Hash("ns.SHA512", HashAlgorithm.Create("System.Security.Cryptography.SHA512"));
		Hash("RIPEMD160", CryptoConfig.CreateFromName("RIPEMD160"));
		var mac = CryptoConfig.CreateFromName("HMACSHA1");      /* a random key */
		Say("HMACSHA1: " + (mac == null ? "null" : mac.GetType().Name));
		Hash("nothing", CryptoConfig.CreateFromName("NoSuchAlgorithm"));
		return 0;
	}
}
