// Array covariance (string[] seen as object[]), System.Array methods that
// need no culture (Copy, Clear, IndexOf, Reverse, Resize), cloning,
// stackalloc into Span-free pointers, and arrays passed by ref.
using System;

class Animal { public virtual string Name() { return "animal"; } }
class Dog : Animal { public override string Name() { return "dog"; } }

static class ArrOps {
	static void Show(string label, int[] a)
	{
		Out.S(label);
		for (int i = 0; i < a.Length; i++) {
			Out.S(" ");
			Out.I(a[i]);
		}
		Out.L();
	}

	static void Grow(ref int[] a)
	{
		int[] b = new int[a.Length * 2];
		Array.Copy(a, b, a.Length);
		a = b;
	}

	static unsafe int StackSum(int n)
	{
		int* p = stackalloc int[n];
		for (int i = 0; i < n; i++)
			p[i] = i * i;
		int s = 0;
		for (int i = 0; i < n; i++)
			s += p[i];
		return s;
	}

	static int Main()
	{
		string[] words = { "pear", "fig", "plum" };
		object[] objs = words;
		Out.L("covariant read", (string)objs[1]);
		objs[2] = "kiwi";
		Out.L("covariant write", words[2]);
		Out.L("is object[]", objs is object[]);
		Out.L("is string[]", objs is string[]);
		Animal[] pets = new Dog[] { new Dog(), new Dog() };
		Out.L("pets[1]", pets[1].Name());
		try {
			pets[0] = new Animal();
		} catch (ArrayTypeMismatchException) {
			Out.L("store Animal into Dog[] refused");
		}
		Array any = words;
		Out.L("Array.Length", any.Length);

		int[] a = { 5, 3, 9, 1, 7, 3 };
		int[] b = new int[8];
		Array.Copy(a, 1, b, 2, 4);
		Show("copy", b);
		Array.Copy(a, 0, a, 1, 5);
		Show("overlap", a);
		Array.Clear(b, 3, 2);
		Show("clear", b);
		Out.L("IndexOf 3", Array.IndexOf(a, 3));
		Out.L("IndexOf 42", Array.IndexOf(a, 42));
		Out.L("IndexOf string", Array.IndexOf(words, "fig"));
		Array.Reverse(a);
		Show("reverse", a);
		Array.Reverse(b, 0, 3);
		Show("reverse part", b);
		int[] c = (int[])a.Clone();
		c[0] = -1;
		Out.L("clone independent", a[0] != c[0]);
		Grow(ref c);
		Show("grown", c);
		Array.Resize(ref words, 4);
		Out.L("resized", words.Length);
		Out.L("resized last null", words[3] == null);
		string[] dst = new string[2];
		Array.Copy(words, 1, dst, 0, 2);
		Out.L("copied strings", dst[0] + "," + dst[1]);
		object[] boxes = new object[3];
		int[] ints = { 10, 20, 30 };
		Array.Copy(ints, boxes, 3);
		Out.L("boxed copy", (int)boxes[2]);
		Out.L("stackalloc sum", StackSum(10));
		return c.Length;
	}
}
