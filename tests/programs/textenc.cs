// Non-ASCII text: what strings hold is Unicode whatever the console's
// encoding; under LANG=C the console is ASCII, so each character it cannot
// encode prints as '?', exactly as Mono prints it.
using System;
using System.Text;

namespace textenc
{
	public class Program
	{
		public static int Main(string[] args)
		{
			string word = "caf\u00e9 na\u00efve \u00fcber";
			Console.WriteLine(word);
			Console.WriteLine("length " + word.Length + ", upper " + word.ToUpperInvariant());
			Console.WriteLine("currency " + 1234.5.ToString("C"));
			int letters = 0;
			foreach (char c in word)
				if (char.IsLetter(c))
					letters++;
			Console.WriteLine("letters " + letters);
			byte[] utf8 = Encoding.UTF8.GetBytes(word);
			Console.WriteLine("UTF-8 bytes " + utf8.Length + ": " + BitConverter.ToString(utf8, 0, 5));
			Console.WriteLine("round trip " + (Encoding.UTF8.GetString(utf8) == word));
			Console.WriteLine("ASCII " + Encoding.ASCII.GetString(Encoding.ASCII.GetBytes(word)));
			Console.WriteLine("console " + Console.OutputEncoding.WebName);
			Console.WriteLine("euro \u20ac, snowman \u2603, pair \ud83d\ude00 (" + "\ud83d\ude00".Length + " chars)");
			return 0;
		}
	}
}
