// FileSystemWatcher on inotify: a file created, written and deleted in a
// new folder, each seen through its event. (WaitForChanged times out
// under Mono 6.8 with the inotify watcher, and a rename comes as a
// deletion and a creation in either order, so neither here.)
using System;
using System.IO;
using System.Threading;

static class IoWatcher {
	static string seen, want;
	static readonly AutoResetEvent got = new AutoResetEvent(false);

	static void Saw(string kind, string name) {
		if (kind == Volatile.Read(ref want) && Interlocked.CompareExchange(ref seen, kind + " " + name, null) == null)
			got.Set();
	}

	static void Expect(string kind, Action change) {
		seen = null;
		Volatile.Write(ref want, kind);
		change();
		Out.L(kind, got.WaitOne(20000) ? seen : "nothing");
	}

	static int Main() {
		string dir = Path.Combine(Path.GetTempPath(), "ilcc-watch-" + Environment.TickCount + "-" + new Random().Next());
		Directory.CreateDirectory(dir);
		try {
			using (var w = new FileSystemWatcher(dir)) {
				w.Created += (s, e) => Saw("created", e.Name);
				w.Changed += (s, e) => Saw("changed", e.Name);
				w.Deleted += (s, e) => Saw("deleted", e.Name);
				w.EnableRaisingEvents = true;
				string a = Path.Combine(dir, "a.txt");
				Expect("created", () => File.Create(a).Dispose());
				Expect("changed", () => File.AppendAllText(a, "more"));
				Expect("deleted", () => File.Delete(a));
			}
		} finally {
			Directory.Delete(dir, true);
		}
		return 0;
	}
}
