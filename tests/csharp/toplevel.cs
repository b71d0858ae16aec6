// `ilcc run FILE.cs ARGS`: top-level statements with args and an exit
// status, a local function, async streams (IAsyncEnumerable, await
// foreach) and Console.
using System.Collections.Generic;
using System.Threading.Tasks;

Console.WriteLine($"{args.Length} arguments: {string.Join("|", args)}");
int sum = 0;
await foreach (var n in Numbers(4))
	sum += n;
Console.WriteLine($"async sum {sum}");
return Check(args.Length);

static int Check(int n) => n == 2 ? 0 : 9;

static async IAsyncEnumerable<int> Numbers(int count)
{
	for (int i = 1; i <= count; i++) {
		await Task.Yield();
		yield return i * i;
	}
}
