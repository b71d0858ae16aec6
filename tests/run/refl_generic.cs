using System;
using System.Collections.Generic;
using System.Reflection;

interface IShape { double Area(); }
interface INamed { string Name { get; } }
interface IBox<T> { T Get(); }
class Square : IShape, INamed, IBox<int> {
    public double Area() { return 4; }
    public string Name { get { return "sq"; } }
    public int Get() { return 1; }
}
class Big : Square, IComparable { public int CompareTo(object o) { return 0; } }
class Pair<A, B> { public A First; public B Second; }
class Outer {
    public class Inner { }
    class Hidden { }
    public struct S { }
}

class P {
    static void Main() {
        foreach (Type i in typeof(Big).GetInterfaces()) Console.WriteLine("iface " + i.Name + " " + i.FullName);
        Console.WriteLine(typeof(Big).GetInterface("INamed") != null);
        Console.WriteLine(typeof(Big).GetInterface("IDisposable") == null);
        Console.WriteLine(typeof(IShape).IsAssignableFrom(typeof(Big)));
        Console.WriteLine(typeof(Square).IsAssignableFrom(typeof(Big)));
        Console.WriteLine(typeof(Big).IsAssignableFrom(typeof(Square)));
        Console.WriteLine(typeof(IBox<int>).IsAssignableFrom(typeof(Big)));
        Type t = typeof(Pair<int, string>);
        Console.WriteLine(t.IsGenericType + " " + t.IsGenericTypeDefinition);
        Type d = t.GetGenericTypeDefinition();
        Console.WriteLine(d.Name + " " + d.FullName + " " + d.IsGenericTypeDefinition);
        Console.WriteLine(d == typeof(Pair<,>));
        foreach (Type a in t.GetGenericArguments()) Console.WriteLine("arg " + a.Name);
        Console.WriteLine(typeof(List<int>).GetGenericTypeDefinition() == typeof(List<>));
        Console.WriteLine(typeof(Square).IsGenericType);
        foreach (Type n in typeof(Outer).GetNestedTypes()) Console.WriteLine("nested " + n.Name + " " + n.FullName);
        foreach (Type n in typeof(Outer).GetNestedTypes(BindingFlags.NonPublic)) Console.WriteLine("nested np " + n.Name);
        Console.WriteLine(typeof(Outer.Inner).DeclaringType.Name);
        Console.WriteLine(typeof(Outer).DeclaringType == null);
        Console.WriteLine(typeof(Outer.Inner).IsNested);
        Console.WriteLine(typeof(Outer).GetNestedType("Inner") == typeof(Outer.Inner));
        Console.WriteLine(typeof(Outer).GetNestedType("Hidden") == null);
        object o = new Dictionary<string, int>();
        Type ot = o.GetType();
        Console.WriteLine(ot.IsGenericType + " " + ot.GetGenericTypeDefinition().Name);
        foreach (Type a in ot.GetGenericArguments()) Console.WriteLine("darg " + a.FullName);
        Console.WriteLine(ot.GetGenericTypeDefinition() == typeof(Dictionary<,>));
        Console.WriteLine(ot.GetInterface("IDictionary`2") != null);
        try { typeof(Square).GetGenericTypeDefinition(); } catch (InvalidOperationException) { Console.WriteLine("not generic"); }
        Type b = typeof(IBox<int>);
        Console.WriteLine(b.IsInterface + " " + b.GetGenericTypeDefinition().Name + " " + b.GetGenericArguments()[0].Name);
        Console.WriteLine(typeof(IEnumerable<string>).IsAssignableFrom(typeof(List<string>)));
        Console.WriteLine(typeof(IEnumerable<object>).IsAssignableFrom(typeof(List<string>)));
        Console.WriteLine(typeof(int[]).IsGenericType);
        // a definition's parameters: ToString, GetGenericArguments
        Console.WriteLine(typeof(Pair<,>) + " " + typeof(List<>) + " " + ot.GetGenericTypeDefinition() + " " + t);
        foreach (Type a in typeof(Pair<,>).GetGenericArguments()) Console.WriteLine("param " + a + " " + a.IsGenericParameter);
    }
}
