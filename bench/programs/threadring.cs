// size: 50000
// Thread wake-ups: 503 threads in a ring, each blocked on its own
// AutoResetEvent; a token passes round the ring N times (each pass one
// Set and one wake-up). Prints the id of the thread holding the token when
// it reaches 0.
using System.Threading;

static class ThreadRing {
	const int Threads = 503;
	static AutoResetEvent[] turn = new AutoResetEvent[Threads];
	static AutoResetEvent done = new AutoResetEvent(false);
	static int token, winner;

	static void Run(int id)
	{
		AutoResetEvent mine = turn[id], next = turn[(id + 1) % Threads];
		for (;;) {
			mine.WaitOne();
			if (token == 0) {
				winner = id + 1;
				done.Set();
				return;
			}
			token--;
			next.Set();
		}
	}

	static int Main(string[] args)
	{
		token = Bench.Size(args, 1000);
		for (int i = 0; i < Threads; i++)
			turn[i] = new AutoResetEvent(false);
		for (int i = 0; i < Threads; i++) {
			int id = i;
			var t = new Thread(() => Run(id), 64 * 1024);
			t.IsBackground = true;
			t.Start();
		}
		turn[0].Set();
		done.WaitOne();
		Bench.Print(winner);
		return 0;
	}
}
