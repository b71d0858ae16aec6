using System;
using System.Reflection;
using System.Runtime.InteropServices;
enum Color { Red, Green = 5 }
class Grid {
    public int this[int i] { get { return i * 2; } }
    public string this[string k] { get { return "k" + k; } }
    public int this[int a, int b] { get { return a + b; } }
    public static int M(int x, string s = "dflt", int n = 42, double d = 1.5, object o = null) { return x; }
    public static void D(Color c = Color.Green, long l = -7, char ch = 'z', bool b = true, decimal m = 2.5m, int? ni = 3, string ns = null, float f = 0.25f) { }
    public static void Opt([Optional] int a, [Optional] object b) { }
    public void Out(ref int r, out int o, params int[] rest) { o = 1; }
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
        Defaults(typeof(Grid).GetMethod("M"));
        Defaults(typeof(Grid).GetMethod("D"));
        Defaults(typeof(Grid).GetMethod("Opt"));
        Defaults(typeof(Grid).GetMethod("Out"));
    }

    // ParameterInfo: attributes and default values as Mono gives them
    static void Defaults(MethodInfo mi) {
        string name = mi.Name;
        foreach (ParameterInfo p in mi.GetParameters()) {
            object v = p.DefaultValue, r = p.RawDefaultValue;
            Console.WriteLine(name + " " + p.Position + " " + p.Name + " " + p.ParameterType.Name +
                " opt=" + p.IsOptional + " out=" + p.IsOut + " has=" + p.HasDefaultValue + " [" + p.Attributes +
                "] " + (v == null ? "null" : v.GetType().Name + ":" + v) + " raw=" + (r == null ? "null" : r.GetType().Name) +
                " dbnull=" + (v == DBNull.Value) + " missing=" + (v == Missing.Value));
        }
    }
}
