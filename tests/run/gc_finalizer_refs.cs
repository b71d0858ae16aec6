// What an object awaiting finalization references stays alive until its finalizer has run (as in .NET): a finalizer reads objects it alone holds after the collection that found it dead, and after the program reused the freed memory. Boehm gives this only with its "Java finalization" on (runtime/gc.c rt_gc_init; a libgc built without it, as the musl runtime's was, freed them).
using System;
using System.Threading;

class Payload {
	public int[] Words;
	public string Name;
}

class Holder {
	public static ManualResetEvent Gate = new ManualResetEvent(false);
	public static int Intact, Broken;
	Payload payload;
	int seed;

	public Holder(int seed) {
		this.seed = seed;
		payload = new Payload { Words = new int[6], Name = "holder " + seed };
		for (int i = 0; i < payload.Words.Length; i++)
			payload.Words[i] = seed * 31 + i;
	}

	~Holder() {
		Gate.WaitOne();
		bool ok = payload.Name == "holder " + seed;
		for (int i = 0; i < payload.Words.Length; i++)
			ok &= payload.Words[i] == seed * 31 + i;
		if (ok) Interlocked.Increment(ref Intact);
		else Interlocked.Increment(ref Broken);
	}
}

class P {
	const int N = 200;

	static void MakeHolders() {
		for (int i = 0; i < N; i++)
			new Holder(i);
	}

	static void Main() {
		MakeHolders();
		GC.Collect();
		// reuse what the collection freed, while every finalizer waits
		var fill = new object[4000];
		for (int i = 0; i < fill.Length; i++) {
			var p = new Payload { Words = new int[6], Name = "fill" };
			for (int j = 0; j < 6; j++) p.Words[j] = -1;
			fill[i] = p;
		}
		GC.Collect();
		Holder.Gate.Set();
		GC.WaitForPendingFinalizers();
		GC.KeepAlive(fill);
		// a stale word on the stack may keep a holder or two (Boehm scans stacks conservatively)
		Console.WriteLine("most finalized: " + (Holder.Intact + Holder.Broken > N / 2));
		Console.WriteLine("payload broken in " + Holder.Broken);
	}
}
