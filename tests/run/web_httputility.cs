// mcs: -r:System.Web
// HttpUtility's encoders without System.Web's configuration: Mono's
// HttpEncoder.Current reads HttpRuntime's httpRuntime section, whose
// configuration host Mono makes with Activator.CreateInstance of a Type
// passed through an interface (not kept ahead of time: NullReferenceException
// before); ilcc answers HttpEncoder.Default, as Mono's machine web.config
// leaves it, and every web configuration section absent.
using System;
using System.Web;
class WebTest {
	static void Main() {
		Console.WriteLine(HttpUtility.UrlEncode("x=1&y=é z"));
		Console.WriteLine(HttpUtility.UrlDecode("a%20b+c"));
		Console.WriteLine(HttpUtility.HtmlEncode("<a href=\"x\">Tom & Jerry's</a>"));
		Console.WriteLine(HttpUtility.HtmlAttributeEncode("a\"b<"));
		Console.WriteLine(HttpUtility.JavaScriptStringEncode("he said \"hi\"\n"));
		Console.WriteLine(HttpUtility.UrlPathEncode("/a b/c"));
		var q = HttpUtility.ParseQueryString("a=1&b=hello%20world&a=2");
		Console.WriteLine(q["a"] + " " + q["b"] + " " + q.Count);
	}
}
