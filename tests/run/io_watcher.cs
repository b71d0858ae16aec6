// FileSystemWatcher on inotify: a file created, written and deleted in a
// new folder, each seen through its event. (WaitForChanged times out
// under Mono 6.8 with the inotify watcher, and a rename comes as a
// deletion and a creation in either order, so neither here.)
// Then a FileStream opened for asynchronous I/O: its synchronous Read and
// Write (which ilcc does directly, not through BeginRead/BeginWrite on
// the pool: docs/design.md, "Size, fourth part"), and BeginWrite/BeginRead.
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

	static void AsyncStream(string dir) {
		string f = Path.Combine(dir, "async.bin");
		using (var s = new FileStream(f, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 16, true)) {
			Out.L("async", s.IsAsync);
			byte[] data = new byte[100];
			for (int i = 0; i < data.Length; i++)
				data[i] = (byte)(i * 7);
			s.Write(data, 0, 60);
			IAsyncResult w = s.BeginWrite(data, 60, 40, null, null);
			s.EndWrite(w);
			s.Position = 0;
			byte[] back = new byte[100];
			int n = s.Read(back, 0, 50);
			IAsyncResult r = s.BeginRead(back, n, 100 - n, null, null);
			n += s.EndRead(r);
			bool same = n == 100;
			for (int i = 0; i < n; i++)
				same &= back[i] == data[i];
			Out.L("read back", n + " " + same + " " + s.Length);
			try {
				s.Write(data, 90, 20);
			} catch (ArgumentException e) {
				Out.L("overrun", e.GetType().Name);
			}
		}
		using (var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, true)) {
			try {
				s.Write(new byte[1], 0, 1);
			} catch (NotSupportedException e) {
				Out.L("read-only", e.GetType().Name);
			}
			Out.L("first", s.ReadByte() + " " + s.Read(new byte[200], 0, 200));
		}
	}

	static int Main() {
		string dir = Path.Combine(Path.GetTempPath(), "ilcc-watch-" + Environment.TickCount + "-" + new Random().Next());
		Directory.CreateDirectory(dir);
		try {
			AsyncStream(dir);
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
