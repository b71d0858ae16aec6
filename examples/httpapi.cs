// httpapi: a small HTTP API on System.Net.HttpListener, the scenario of
// `make bench`: ten endpoints answering JSON-like text built with
// StringBuilder, query parameters, a POST with a body, and 404 for the
// rest. Listens on http://127.0.0.1:PORT/ (PORT the first argument, 8080
// if none); each request is answered on the thread pool.
//
//   ilcc build examples/httpapi.cs -o httpapi && ./httpapi 8080
//   curl 'http://127.0.0.1:8080/hello?name=you'
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;

static class HttpApi
{
	static readonly object Lock = new object();
	static readonly List<string> Items = new List<string> { "apple", "banana", "cherry" };
	static long requests;

	static int Main(string[] args)
	{
		int port = 8080;
		if (args.Length > 0 && (!int.TryParse(args[0], out port) || port <= 0 || port > 65535)) {
			Console.Error.WriteLine("httpapi: bad port '" + args[0] + "' (give a number 1-65535)");
			return 2;
		}
		var listener = new HttpListener();
		listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
		try {
			listener.Start();
		} catch (HttpListenerException e) {
			Console.Error.WriteLine("httpapi: cannot listen on 127.0.0.1:" + port + ": " + e.Message);
			return 1;
		}
		Console.WriteLine("listening on http://127.0.0.1:" + port + "/");
		while (listener.IsListening) {
			HttpListenerContext ctx;
			try {
				ctx = listener.GetContext();
			} catch (HttpListenerException) {
				break;
			}
			ThreadPool.QueueUserWorkItem(Serve, ctx);
		}
		return 0;
	}

	static void Serve(object state)
	{
		var ctx = (HttpListenerContext) state;
		try {
			Interlocked.Increment(ref requests);
			var json = new StringBuilder();
			int status = Route(ctx.Request, json);
			byte[] body = Encoding.UTF8.GetBytes(json.ToString());
			ctx.Response.StatusCode = status;
			ctx.Response.ContentType = "application/json";
			ctx.Response.ContentLength64 = body.Length;
			ctx.Response.OutputStream.Write(body, 0, body.Length);
			ctx.Response.Close();
		} catch (Exception e) {
			// a client that went away mid-answer: drop it, keep serving
			Console.Error.WriteLine("httpapi: " + e.GetType().Name + ": " + e.Message);
			try { ctx.Response.Abort(); } catch (Exception) { }
		}
	}

	// The endpoints: method and path decide; the answer goes into json.
	static int Route(HttpListenerRequest req, StringBuilder json)
	{
		string path = req.Url.AbsolutePath;
		bool get = req.HttpMethod == "GET", post = req.HttpMethod == "POST";
		if (get && path == "/")
			return Obj(json, "service", "httpapi", "endpoints", "10");
		if (get && path == "/health")
			return Obj(json, "status", "ok");
		if (get && path == "/hello")
			return Obj(json, "message", "Hello, " + (req.QueryString["name"] ?? "world") + "!");
		if (get && path == "/add")
			return Add(req, json);
		if (get && path == "/items")
			return List(json);
		if (get && path.StartsWith("/items/"))
			return Item(path.Substring(7), json);
		if (post && path == "/items")
			return Create(req, json);
		if (post && path == "/echo")
			return Echo(req, json);
		if (get && path == "/fib")
			return Fib(req, json);
		if (get && path == "/headers")
			return Headers(req, json);
		json.Append("{\"error\":\"not found\",\"path\":");
		Str(json, path);
		json.Append('}');
		return 404;
	}

	static int Add(HttpListenerRequest req, StringBuilder json)
	{
		long a, b;
		if (!long.TryParse(req.QueryString["a"], out a) || !long.TryParse(req.QueryString["b"], out b))
			return Error(json, 400, "a and b must be integers");
		json.Append("{\"a\":").Append(a).Append(",\"b\":").Append(b).Append(",\"sum\":").Append(a + b).Append('}');
		return 200;
	}

	static int List(StringBuilder json)
	{
		json.Append("{\"items\":[");
		lock (Lock)
			for (int i = 0; i < Items.Count; i++) {
				if (i > 0)
					json.Append(',');
				json.Append("{\"id\":").Append(i).Append(",\"name\":");
				Str(json, Items[i]);
				json.Append('}');
			}
		json.Append("]}");
		return 200;
	}

	static int Item(string id, StringBuilder json)
	{
		int i;
		string name = null;
		lock (Lock)
			if (int.TryParse(id, out i) && i >= 0 && i < Items.Count)
				name = Items[i];
		if (name == null)
			return Error(json, 404, "no item " + id);
		json.Append("{\"id\":").Append(id).Append(",\"name\":");
		Str(json, name);
		json.Append('}');
		return 200;
	}

	// POST /items: the body (text) is the new item's name
	static int Create(HttpListenerRequest req, StringBuilder json)
	{
		string name = Body(req).Trim();
		if (name.Length == 0 || name.Length > 100)
			return Error(json, 400, "the body must be a name of 1 to 100 characters");
		int id;
		lock (Lock) {
			Items.Add(name);
			id = Items.Count - 1;
		}
		json.Append("{\"id\":").Append(id).Append(",\"name\":");
		Str(json, name);
		json.Append('}');
		return 201;
	}

	// POST /echo: the body's length, a checksum, and its first 64 characters
	static int Echo(HttpListenerRequest req, StringBuilder json)
	{
		long length = 0, sum = 0;
		var head = new StringBuilder();
		var buf = new char[8192];
		using (var r = new StreamReader(req.InputStream, Encoding.UTF8)) {
			int n;
			while ((n = r.Read(buf, 0, buf.Length)) > 0) {
				for (int i = 0; i < n; i++)
					sum = (sum * 31 + buf[i]) & 0xFFFFFFFF;
				if (head.Length < 64)
					head.Append(buf, 0, Math.Min(n, 64 - head.Length));
				length += n;
			}
		}
		json.Append("{\"length\":").Append(length).Append(",\"checksum\":").Append(sum).Append(",\"head\":");
		Str(json, head.ToString());
		json.Append('}');
		return 200;
	}

	static int Fib(HttpListenerRequest req, StringBuilder json)
	{
		int n;
		if (!int.TryParse(req.QueryString["n"], out n) || n < 0 || n > 90)
			return Error(json, 400, "n must be 0 to 90");
		long a = 0, b = 1;
		for (int i = 0; i < n; i++) {
			long t = a + b;
			a = b;
			b = t;
		}
		json.Append("{\"n\":").Append(n).Append(",\"fib\":").Append(a).Append('}');
		return 200;
	}

	static int Headers(HttpListenerRequest req, StringBuilder json)
	{
		json.Append("{\"count\":").Append(req.Headers.Count).Append(",\"user_agent\":");
		Str(json, req.UserAgent ?? "");
		json.Append(",\"x_test\":");
		Str(json, req.Headers["X-Test"] ?? "");
		json.Append(",\"keep_alive\":").Append(req.KeepAlive ? "true" : "false").Append('}');
		return 200;
	}

	static string Body(HttpListenerRequest req)
	{
		using (var r = new StreamReader(req.InputStream, Encoding.UTF8))
			return r.ReadToEnd();
	}

	static int Error(StringBuilder json, int status, string message)
	{
		Obj(json, "error", message);
		return status;
	}

	// {"k1":"v1","k2":"v2",...}, status 200
	static int Obj(StringBuilder json, params string[] kv)
	{
		json.Append('{');
		for (int i = 0; i < kv.Length; i += 2) {
			if (i > 0)
				json.Append(',');
			Str(json, kv[i]);
			json.Append(':');
			Str(json, kv[i + 1]);
		}
		json.Append('}');
		return 200;
	}

	// s as a JSON string literal
	static void Str(StringBuilder json, string s)
	{
		json.Append('"');
		foreach (char c in s) {
			if (c == '"' || c == '\\')
				json.Append('\\').Append(c);
			else if (c < ' ')
				json.Append("\\u").Append(((int) c).ToString("x4"));
			else
				json.Append(c);
		}
		json.Append('"');
	}
}
