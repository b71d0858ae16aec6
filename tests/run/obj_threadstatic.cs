// [ThreadStatic] fields: their own storage, initialised to zero, and the
// objects they refer to survive collections.
using System;

class Holder {
	[ThreadStatic] public static int counter;
	[ThreadStatic] public static string name;
	[ThreadStatic] public static int[] data;
	public static int shared;
}

static class ThreadStaticTest {
	static int Main()
	{
		Out.L("counter starts", Holder.counter);
		Out.L("name starts null", Holder.name == null);
		Holder.counter += 5;
		Holder.shared = 7;
		Holder.name = "main" + new string('!', 3);
		Holder.data = new int[100];
		for (int i = 0; i < 100; i++)
			Holder.data[i] = i * i;
		for (int i = 0; i < 20000; i++)
			new int[8].GetHashCode();
		GC.Collect();
		long sum = 0;
		foreach (int v in Holder.data)
			sum += v;
		Out.L("counter", Holder.counter);
		Out.L("shared", Holder.shared);
		Out.L("name", Holder.name);
		Out.L("data sum", sum);
		return 0;
	}
}
