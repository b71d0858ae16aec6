using System;
using System.Reflection;
class Grid {
    public int this[int i] { get { return i * 2; } }
    public string this[string k] { get { return "k" + k; } }
    public int this[int a, int b] { get { return a + b; } }
    public static int M(int x, string s = "dflt", int n = 42, double d = 1.5, object o = null) { return x; }
}
class P {
    static void Main() {
        var g = new Grid();
        PropertyInfo p1 = typeof(Grid).GetProperty("Item", new Type[] { typeof(int) });
        PropertyInfo p2 = typeof(Grid).GetProperty("Item", new Type[] { typeof(string) });
        PropertyInfo p3 = typeof(Grid).GetProperty("Item", typeof(int), new Type[] { typeof(int), typeof(int) });
        Console.WriteLine(p1.GetValue(g, new object[] { 5 }));
        Console.WriteLine(p2.GetValue(g, new object[] { "x" }));
        Console.WriteLine(p3.GetValue(g, new object[] { 3, 4 }));
        Console.WriteLine(p1.GetIndexParameters().Length + " " + p3.GetIndexParameters().Length);
    }
}
