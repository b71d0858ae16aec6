using System;
using System.Collections.Generic;
using System.Reflection;
[assembly: AssemblyTitle("refl test")]
[assembly: AssemblyDescription("assembly attributes")]
namespace App {
public class Foo { public int X; public class Inner { } }
class Bar { }
public class Gen<T> { }
public class Program {
    static void Main() {
        Assembly a = Assembly.GetExecutingAssembly();
        Console.WriteLine(a.GetName().Name);
        Console.WriteLine(a.GetName().Version);
        Console.WriteLine(a.FullName);
        Console.WriteLine(a.ToString());
        Console.WriteLine(typeof(Foo).Assembly == a);
        Console.WriteLine(typeof(Foo.Inner).Assembly == a);
        Console.WriteLine(typeof(Gen<int>).Assembly == a);
        Console.WriteLine(typeof(Foo[]).Assembly == a);
        Console.WriteLine(typeof(Foo).Assembly.GetName().Name);
        Console.WriteLine(a.GetType("App.Foo") == typeof(Foo));
        Console.WriteLine(a.GetType("App.Foo+Inner") == typeof(Foo.Inner));
        Console.WriteLine(a.GetType("App.Nope") == null);
        Console.WriteLine(a.GetType("app.foo", false, true) == typeof(Foo));
        try { a.GetType("App.Nope", true); } catch (TypeLoadException) { Console.WriteLine("TypeLoadException"); }
        foreach (Type x in a.GetTypes()) Console.WriteLine("type " + x.FullName);
        foreach (Type x in a.GetExportedTypes()) Console.WriteLine("exported " + x.FullName);
        Console.WriteLine(typeof(string).Assembly.GetName().Name);
        Console.WriteLine(typeof(string).Assembly.FullName);
        Console.WriteLine(typeof(List<int>).Assembly == typeof(string).Assembly);
        Console.WriteLine(typeof(Uri).Assembly.GetName().Name);
        Console.WriteLine(typeof(Uri).Assembly.GetName().Version);
        Console.WriteLine(Assembly.GetEntryAssembly() == a);
        Console.WriteLine(typeof(Program).Assembly.EntryPoint.Name);
        Console.WriteLine(a.CodeBase.StartsWith("file://"));
        // the assembly's own attributes
        var title = (AssemblyTitleAttribute)Attribute.GetCustomAttribute(a, typeof(AssemblyTitleAttribute));
        Console.WriteLine(title.Title + " " + a.IsDefined(typeof(AssemblyDescriptionAttribute), false));
        object[] descs = a.GetCustomAttributes(typeof(AssemblyDescriptionAttribute), false);
        Console.WriteLine(descs.Length + " " + ((AssemblyDescriptionAttribute)descs[0]).Description);
        Console.WriteLine(a.IsDefined(typeof(AssemblyCompanyAttribute), false));
    }
}
}
