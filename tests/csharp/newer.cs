// C# 11 to 14: primary constructors, collection expressions (spread too),
// params spans, UTF-8 literals, ReadOnlySpan's indexer (usable through
// src/frontend_corlib.c), >>>, file-local types, default lambda
// parameters, the `field` keyword, extension blocks, null-conditional
// assignment, generic attributes, checked user-defined operators.
using System;
using System.Collections.Generic;
using static Out;

class Account(string owner, decimal start)
{
	public string Owner => owner;
	public decimal Balance { get; private set; } = start;
	public void Add(decimal x) => Balance += x;
}

struct Money(long cents)
{
	public long Cents = cents;
	public static Money operator +(Money a, Money b) => new(a.Cents + b.Cents);
	public static Money operator checked +(Money a, Money b) => new(checked(a.Cents + b.Cents));
}

file static class Helper
{
	public static int Sum(params ReadOnlySpan<int> xs)
	{
		int s = 0;
		foreach (var x in xs) s += x;
		return s;
	}
}

class Temperature
{
	public double Celsius
	{
		get => field;
		set => field = value < -273.15 ? -273.15 : value;
	}
}

class Node { public int Value; }

static class Extensions
{
	extension(string s)
	{
		public bool IsShort => s.Length < 4;
		public string Twice() => s + s;
	}
}

[AttributeUsage(AttributeTargets.Class)]
class TagAttribute<T> : Attribute { }

[Tag<int>]
static class Newer
{
	static int Main()
	{
		var acc = new Account("ada", 10m);
		acc.Add(2.5m);
		L($"{acc.Owner} {acc.Balance}");

		int[] a = [1, 2, 3];
		List<int> list = [.. a, 4, 5];
		Span<int> sp = [7, 8, 9];
		L("collections", list.Count * 100 + sp[2] * 10 + a[0]);
		L("params span", Helper.Sum(1, 2, 3, 4));
		L("params span of list", Helper.Sum([.. list]));

		ReadOnlySpan<byte> utf8 = "héllo"u8;
		L("utf8 bytes", utf8.Length);
		L("utf8 second", utf8[1]);
		ReadOnlySpan<char> word = "span".AsSpan();
		L("ros indexer", word[0].ToString() + word[^1]);
		L("unsigned shift", -16 >>> 28);

		var add = (int x, int y = 10) => x + y;
		L("default lambda", add(5));

		var t = new Temperature { Celsius = -500 };
		L("field keyword", t.Celsius);

		L("extension", "abc".IsShort);
		L("extension method", "ab".Twice());

		Node n = new() { Value = 1 };
		Node missing = null;
		n?.Value = 5;
		missing?.Value = 7;
		L("null-conditional assignment", n.Value);

		Money m = new Money(5) + new Money(6);
		L("operator", m.Cents);
		try {
			var big = checked(new Money(long.MaxValue) + new Money(1));
			L("no overflow", big.Cents);
		} catch (OverflowException) {
			L("checked operator threw");
		}
		return list.Count;
	}
}
