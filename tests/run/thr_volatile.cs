// Volatile.Read/Write and Thread.VolatileRead/VolatileWrite of every
// type, Interlocked's overloads, and the synchronisation classes built on
// them: Barrier, CountdownEvent, ReaderWriterLockSlim, Timer. Interlocked
// on integers is written inline (rt.h's rti_ functions): on array
// elements, instance fields and locals, with the result used at once, and
// a compare-and-swap loop of several threads that must count exactly.
using System;
using System.Threading;

static class ThrVolatile {
	static byte u1 = 1; static sbyte i1 = -1; static short i2 = -2; static ushort u2 = 2;
	static int i4 = -4; static uint u4 = 4; static long i8 = -8; static ulong u8 = 8;
	static IntPtr ip = (IntPtr)16; static UIntPtr up = (UIntPtr)32u;
	static float r4 = 1.5f; static double r8 = 2.25; static object o = "obj";
	static bool b = true; static char c = 'c';

	static void VolatileClass() {
		Volatile.Write(ref u1, (byte)(Volatile.Read(ref u1) + 1));
		Volatile.Write(ref i1, (sbyte)(Volatile.Read(ref i1) - 1));
		Volatile.Write(ref i2, (short)(Volatile.Read(ref i2) - 1));
		Volatile.Write(ref u2, (ushort)(Volatile.Read(ref u2) + 1));
		Volatile.Write(ref i4, Volatile.Read(ref i4) - 1);
		Volatile.Write(ref u4, Volatile.Read(ref u4) + 1);
		Volatile.Write(ref i8, Volatile.Read(ref i8) - 1);
		Volatile.Write(ref u8, Volatile.Read(ref u8) + 1);
		Volatile.Write(ref ip, Volatile.Read(ref ip) + 1);
		Volatile.Write(ref up, (UIntPtr)((ulong)Volatile.Read(ref up) + 1));
		Volatile.Write(ref r4, Volatile.Read(ref r4) * 2);
		Volatile.Write(ref r8, Volatile.Read(ref r8) * 2);
		Volatile.Write(ref o, (string)Volatile.Read(ref o) + "!");
		Volatile.Write(ref b, !Volatile.Read(ref b));
	}

	// Thread.VolatileRead and VolatileWrite of the other types share
	// Volatile's code in ilcc; Mono 6.8's JIT asserts on them
	// (intrinsics.c: mini_type_is_reference), object's too, so only int here.
	static void ThreadClass() {
		Thread.VolatileWrite(ref i4, Thread.VolatileRead(ref i4) - 1);
	}

	static void Show(string label) {
		Out.S(label); Out.S(":");
		Out.S(" "); Out.I(u1); Out.S(" "); Out.I(i1); Out.S(" "); Out.I(i2); Out.S(" "); Out.I(u2);
		Out.S(" "); Out.I(i4); Out.S(" "); Out.I(u4); Out.S(" "); Out.I(i8); Out.S(" "); Out.U(u8);
		Out.S(" "); Out.I((long)ip); Out.S(" "); Out.U((ulong)up); Out.S(" "); Out.F(r4);
		Out.S(" "); Out.F(r8); Out.S(" "); Out.S((string)o); Out.S(" "); Out.B(b);
		Out.L();
	}

	static void InterlockedAll() {
		int a = 1; long l = 10; float f = 1.5f; double d = 2.5; IntPtr p = (IntPtr)5; object ob = "x";
		Out.L("inc", Interlocked.Increment(ref a)); Out.L("dec", Interlocked.Decrement(ref a));
		Out.L("inc8", Interlocked.Increment(ref l)); Out.L("dec8", Interlocked.Decrement(ref l));
		Out.L("add", Interlocked.Add(ref a, 5)); Out.L("add8", Interlocked.Add(ref l, 50));
		Out.L("xchg", Interlocked.Exchange(ref a, 7)); Out.L("xchg8", Interlocked.Exchange(ref l, 70));
		Out.L("xchgf", Interlocked.Exchange(ref f, 3.5f)); Out.L("xchgd", Interlocked.Exchange(ref d, 4.5));
		Out.L("xchgp", (long)Interlocked.Exchange(ref p, (IntPtr)6));
		Out.L("xchgo", (string)Interlocked.Exchange(ref ob, "y"));
		Out.L("cas hit", Interlocked.CompareExchange(ref a, 8, 7)); Out.L("cas miss", Interlocked.CompareExchange(ref a, 9, 7));
		Out.L("cas8", Interlocked.CompareExchange(ref l, 80, 70));
		Out.L("casf", Interlocked.CompareExchange(ref f, 5.5f, 3.5f)); Out.L("casd", Interlocked.CompareExchange(ref d, 6.5, 4.5));
		Out.L("casp", (long)Interlocked.CompareExchange(ref p, (IntPtr)7, (IntPtr)6));
		Out.L("caso", (string)Interlocked.CompareExchange(ref ob, "z", "y"));
		string s = "s";
		Out.L("cas<T>", Interlocked.CompareExchange<string>(ref s, "t", "s"));
		Out.L("xchg<T>", Interlocked.Exchange<string>(ref s, "u"));
		Out.L("read", Interlocked.Read(ref l));
		Out.S("now "); Out.I(a); Out.S(" "); Out.I(l); Out.S(" "); Out.F(f); Out.S(" "); Out.F(d);
		Out.S(" "); Out.I((long)p); Out.S(" "); Out.S((string)ob); Out.S(" "); Out.S(s); Out.L();
		Interlocked.MemoryBarrier();
	}

	class Cell { public int n; public long big; }

	static int Twice(int v) { return v * 2; }

	static void InterlockedInline() {
		var arr = new int[3];
		var cell = new Cell();
		int local = 10;
		Out.L("arr inc", Interlocked.Increment(ref arr[1]) + Interlocked.Increment(ref arr[1]));
		Out.L("arr", arr[0] * 100 + arr[1] * 10 + arr[2]);
		Out.L("field cas", Twice(Interlocked.CompareExchange(ref cell.n, 5, 0)) + cell.n);
		Out.L("field add8", Interlocked.Add(ref cell.big, long.MaxValue) + Interlocked.Increment(ref cell.big));
		Out.L("local xchg", Interlocked.Exchange(ref local, 11) == 10 && local == 11);
		Out.L("wrap", Interlocked.Decrement(ref arr[0]) == -1 && Interlocked.Add(ref arr[2], int.MinValue) == int.MinValue);
		var threads = new Thread[3];
		for (int t = 0; t < threads.Length; t++) {
			threads[t] = new Thread(() => {
				for (int i = 0; i < 20000; i++) {
					int seen;
					do
						seen = Volatile.Read(ref cell.n);
					while (Interlocked.CompareExchange(ref cell.n, seen + 1, seen) != seen);
					Interlocked.Decrement(ref arr[1]);
				}
			});
			threads[t].Start();
		}
		foreach (var t in threads)
			t.Join();
		Out.L("cas loop", cell.n);
		Out.L("dec loop", arr[1]);
	}

	static void Sync() {
		const int n = 4, phases = 3;
		long total = 0;
		var seen = new long[phases];
		using (var barrier = new Barrier(n, bar => seen[bar.CurrentPhaseNumber] = Volatile.Read(ref total))) {
			var threads = new Thread[n];
			for (int t = 0; t < n; t++) {
				int id = t;
				threads[t] = new Thread(() => {
					for (int ph = 0; ph < phases; ph++) {
						Interlocked.Add(ref total, id + 1);
						barrier.SignalAndWait();
					}
				});
				threads[t].Start();
			}
			foreach (var t in threads)
				t.Join();
		}
		for (int ph = 0; ph < phases; ph++)
			Out.L("barrier phase " + ph, seen[ph]);

		using (var cd = new CountdownEvent(3)) {
			for (int i = 0; i < 3; i++)
				ThreadPool.QueueUserWorkItem(_ => cd.Signal());
			Out.L("countdown waited", cd.Wait(10000));
			Out.L("countdown count", cd.CurrentCount);
			cd.Reset(2);
			cd.AddCount();
			Out.L("countdown again", cd.CurrentCount);
		}

		var rw = new ReaderWriterLockSlim();
		int shared = 0;
		var workers = new Thread[4];
		for (int t = 0; t < workers.Length; t++) {
			bool writer = t % 2 == 0;
			workers[t] = new Thread(() => {
				for (int i = 0; i < 1000; i++) {
					if (writer) {
						rw.EnterWriteLock();
						shared++;
						rw.ExitWriteLock();
					} else {
						rw.EnterReadLock();
						int v = shared;
						rw.ExitReadLock();
					}
				}
			});
			workers[t].Start();
		}
		foreach (var t in workers)
			t.Join();
		Out.L("rwlock writes", shared);
		rw.EnterUpgradeableReadLock();
		Out.L("upgradeable", rw.IsUpgradeableReadLockHeld);
		rw.EnterWriteLock();
		Out.L("upgraded", rw.IsWriteLockHeld);
		rw.ExitWriteLock();
		rw.ExitUpgradeableReadLock();
		Out.L("held after", rw.IsReadLockHeld || rw.IsWriteLockHeld);

		int ticks = 0;
		using (var done = new ManualResetEvent(false))
		using (var timer = new Timer(_ => { if (Interlocked.Increment(ref ticks) == 3) done.Set(); }, null, 10, 10)) {
			Out.L("timer fired thrice", done.WaitOne(10000));
			timer.Change(Timeout.Infinite, Timeout.Infinite);
		}
	}

	static int Main() {
		Show("start");
		VolatileClass();
		Show("Volatile");
		ThreadClass();
		Show("Thread");
		InterlockedAll();
		InterlockedInline();
		Sync();
		return 0;
	}
}
