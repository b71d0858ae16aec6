// Creates a small project tree under the current folder, then walks it:
// sorted listings, extensions summary, sizes, a tree drawing and cleanup.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace dirtree
{
	class Program
	{
		static void Draw(string dir, string indent)
		{
			var entries = Directory.GetDirectories(dir).Select(d => new { Full = d, IsDir = true })
				.Concat(Directory.GetFiles(dir).Select(f => new { Full = f, IsDir = false }))
				.OrderBy(e => Path.GetFileName(e.Full), StringComparer.Ordinal).ToList();
			for (int i = 0; i < entries.Count; i++) {
				bool last = i == entries.Count - 1;
				string name = Path.GetFileName(entries[i].Full);
				Console.WriteLine(indent + (last ? "`-- " : "|-- ") + name + (entries[i].IsDir ? "/" : " (" + new FileInfo(entries[i].Full).Length + ")"));
				if (entries[i].IsDir)
					Draw(entries[i].Full, indent + (last ? "    " : "|   "));
			}
		}

		public static int Main(string[] args)
		{
			string root = Path.Combine("work", "project");
			var files = new Dictionary<string, string> {
				["README.md"] = "# Project\n",
				["src/main.c"] = "int main(void) { return 0; }\n",
				["src/util.c"] = "/* helpers */\n",
				["src/util.h"] = "#pragma once\n",
				["docs/guide.md"] = "Guide\n=====\n\nRead me.\n",
				["docs/img/logo.txt"] = "LOGO",
				["build/.keep"] = "",
			};
			foreach (var kv in files) {
				string path = Path.Combine(root, kv.Key.Replace('/', Path.DirectorySeparatorChar));
				Directory.CreateDirectory(Path.GetDirectoryName(path));
				File.WriteAllText(path, kv.Value);
			}
			Console.WriteLine("created {0} files under {1}", files.Count, root);
			Draw(root, "");
			var all = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(p => p.Substring(root.Length + 1)).OrderBy(p => p, StringComparer.Ordinal).ToList();
			Console.WriteLine("all files: " + string.Join(" ", all));
			Console.WriteLine("C sources: " + string.Join(" ", Directory.GetFiles(Path.Combine(root, "src"), "*.c").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)));
			foreach (var g in all.GroupBy(p => Path.GetExtension(p)).OrderBy(g => g.Key, StringComparer.Ordinal))
				Console.WriteLine("  ext '{0}': {1} file(s), {2} bytes", g.Key, g.Count(), g.Sum(p => new FileInfo(Path.Combine(root, p)).Length));
			Console.WriteLine("Path parts of {0}: dir={1} name={2} stem={3} ext={4} rooted={5}", "docs/img/logo.txt",
				Path.GetDirectoryName("docs/img/logo.txt"), Path.GetFileName("docs/img/logo.txt"), Path.GetFileNameWithoutExtension("docs/img/logo.txt"), Path.GetExtension("docs/img/logo.txt"), Path.IsPathRooted("docs/img/logo.txt"));
			Console.WriteLine("ChangeExtension: {0}, Combine: {1}", Path.ChangeExtension("a/b.tar.gz", ".zip"), Path.Combine("a", "b", "c.txt"));
			Console.WriteLine("exists: src={0} lib={1} main.c={2}", Directory.Exists(Path.Combine(root, "src")), Directory.Exists(Path.Combine(root, "lib")), File.Exists(Path.Combine(root, "src", "main.c")));
			Directory.Delete(Path.Combine(root, "build"), true);
			Directory.Move(Path.Combine(root, "docs"), Path.Combine(root, "manual"));
			Console.WriteLine("after delete and rename: " + string.Join(" ", Directory.GetDirectories(root).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)));
			try {
				Directory.GetFiles(Path.Combine(root, "docs"));
			} catch (DirectoryNotFoundException) {
				Console.WriteLine("docs is gone");
			}
			Directory.Delete("work", true);
			Console.WriteLine("cleaned up: {0}", !Directory.Exists("work"));
			return all.Count;
		}
	}
}
