// size: 300000
// Producer/consumer: one thread adds N numbers to a BlockingCollection
// bounded at 100, another takes them until the collection is completed;
// each side blocks when the other falls behind. Prints the sum taken.
using System.Collections.Concurrent;
using System.Threading;

static class Pipeline {
	static int Main(string[] args)
	{
		int n = Bench.Size(args, 1000);
		var queue = new BlockingCollection<int>(100);
		long sum = 0;
		var consumer = new Thread(() => {
			int v;
			while (queue.TryTake(out v, Timeout.Infinite))
				sum += v;
		});
		consumer.Start();
		for (int i = 1; i <= n; i++)
			queue.Add(i % 1000);
		queue.CompleteAdding();
		consumer.Join();
		Bench.Print(sum);
		return 0;
	}
}
