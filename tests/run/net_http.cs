// mcs: -r:System.Net.Http.dll
// HTTP clients against an HttpListener in the same program, on 127.0.0.1
// and a free port: HttpClient (methods, headers both ways, status codes,
// redirects followed or not, chunked bodies both ways, keep-alive, large
// bodies, Timeout and CancellationToken on a server that never answers,
// 100 concurrent requests), WebClient and HttpWebRequest (WebException
// for 404 and a refused connection).
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

class NetHttp {
	static string root;
	static readonly ManualResetEvent release = new ManualResetEvent(false);

	static int FreePort()
	{
		var l = new TcpListener(IPAddress.Loopback, 0);
		l.Start();
		int port = ((IPEndPoint)l.LocalEndpoint).Port;
		l.Stop();
		return port;
	}

	static int Sum(byte[] b)
	{
		int s = 0;
		foreach (byte x in b)
			s = s * 31 + x;
		return s;
	}

	static byte[] Big(int n)
	{
		var b = new byte[n];
		for (int i = 0; i < n; i++)
			b[i] = (byte)(i * 7 + i / 1000);
		return b;
	}

	static void Reply(HttpListenerResponse r, int status, string text)
	{
		r.StatusCode = status;
		if (text != null) {
			var b = Encoding.UTF8.GetBytes(text);
			r.ContentType = "text/plain; charset=utf-8";
			r.ContentLength64 = b.Length;
			r.OutputStream.Write(b, 0, b.Length);
		}
		r.Close();
	}

	static void Serve(HttpListenerContext c)
	{
		var q = c.Request;
		var r = c.Response;
		string path = q.Url.AbsolutePath;
		switch (path) {
		case "/hello":
			r.Headers["X-Echo"] = q.Headers["X-Test"] ?? "none";
			Reply(r, 200, "hello " + q.HttpMethod + " " + q.QueryString["name"]);
			break;
		case "/echo": {
			var body = new MemoryStream();
			q.InputStream.CopyTo(body);
			string text = string.Format("{0} {1} len={2} declared={3} sum={4} type={5}", q.HttpMethod,
				q.HasEntityBody, body.Length, q.ContentLength64, Sum(body.ToArray()), q.ContentType);
			Reply(r, q.HttpMethod == "POST" ? 201 : 200, text);
			break;
		}
		case "/delete":
			Reply(r, 204, null);
			break;
		case "/redirect":
			r.Redirect(root + "hello?name=moved");
			r.StatusCode = 301;
			r.Close();
			break;
		case "/error":
			Reply(r, 500, "broken");
			break;
		case "/chunked":
			r.SendChunked = true;
			for (int i = 0; i < 5; i++) {
				var b = Encoding.ASCII.GetBytes("piece " + i + ";");
				r.OutputStream.Write(b, 0, b.Length);
				r.OutputStream.Flush();
			}
			r.Close();
			break;
		case "/large": {
			var b = Big(3 * 1024 * 1024);
			r.ContentLength64 = b.Length;
			r.OutputStream.Write(b, 0, b.Length);
			r.Close();
			break;
		}
		case "/conn":
			Reply(r, 200, q.RemoteEndPoint.Port.ToString());
			break;
		case "/n":
			Reply(r, 200, (int.Parse(q.QueryString["i"]) * 2).ToString());
			break;
		case "/slow":
			release.WaitOne();
			try {
				Reply(r, 200, "late");
			} catch (Exception) {
			}
			break;
		default:
			Reply(r, 404, "no " + path);
			break;
		}
	}

	static void Server(HttpListener l)
	{
		while (true) {
			HttpListenerContext c;
			try {
				c = l.GetContext();
			} catch (Exception) {
				return;
			}
			ThreadPool.QueueUserWorkItem(_ => {
				try {
					Serve(c);
				} catch (Exception e) {
					Console.WriteLine("server: {0}", e.GetType().Name);
				}
			});
		}
	}

	static void Show(HttpResponseMessage m)
	{
		Console.WriteLine("  {0} {1} '{2}'", (int)m.StatusCode, m.ReasonPhrase,
			m.Content.ReadAsStringAsync().Result);
	}

	static async Task Client()
	{
		var h = new HttpClient();
		var req = new HttpRequestMessage(HttpMethod.Get, root + "hello?name=ann");
		req.Headers.Add("X-Test", "t1");
		var m = await h.SendAsync(req);
		Console.WriteLine("GET:");
		Show(m);
		Console.WriteLine("  X-Echo {0}, type {1}, length {2}", m.Headers.GetValues("X-Echo").First(),
			m.Content.Headers.ContentType, m.Content.Headers.ContentLength);

		Console.WriteLine("POST:");
		Show(await h.PostAsync(root + "echo", new StringContent("some text", Encoding.UTF8, "text/plain")));
		Console.WriteLine("PUT:");
		Show(await h.PutAsync(root + "echo", new ByteArrayContent(new byte[] { 1, 2, 3 })));
		Console.WriteLine("DELETE:");
		Show(await h.DeleteAsync(root + "delete"));
		Console.WriteLine("301 followed:");
		m = await h.GetAsync(root + "redirect");
		Show(m);
		Console.WriteLine("  at {0}", m.RequestMessage.RequestUri.PathAndQuery);
		Console.WriteLine("301 not followed:");
		var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
		m = await noRedirect.GetAsync(root + "redirect");
		Console.WriteLine("  {0} to {1}", (int)m.StatusCode, m.Headers.Location.PathAndQuery);
		Console.WriteLine("404 and 500:");
		Show(await h.GetAsync(root + "nowhere"));
		m = await h.GetAsync(root + "error");
		Show(m);
		try {
			m.EnsureSuccessStatusCode();
		} catch (HttpRequestException e) {
			Console.WriteLine("  {0}: {1}", e.GetType().Name, e.Message);
		}

		Console.WriteLine("chunked response:");
		m = await h.GetAsync(root + "chunked");
		Show(m);
		Console.WriteLine("  chunked {0}", m.Headers.TransferEncodingChunked);
		Console.WriteLine("chunked request:");
		var chunked = new HttpRequestMessage(HttpMethod.Post, root + "echo");
		chunked.Headers.TransferEncodingChunked = true;
		chunked.Content = new StreamContent(new MemoryStream(Big(100000)));
		Show(await h.SendAsync(chunked));

		Console.WriteLine("keep-alive:");
		var ports = new string[3];
		for (int i = 0; i < 3; i++)
			ports[i] = await h.GetStringAsync(root + "conn");
		Console.WriteLine("  one connection: {0}", ports.Distinct().Count() == 1);

		Console.WriteLine("large:");
		var big = await h.GetByteArrayAsync(root + "large");
		Console.WriteLine("  got {0} same {1}", big.Length, Sum(big) == Sum(Big(big.Length)));
		Show(await h.PostAsync(root + "echo", new ByteArrayContent(Big(4 * 1024 * 1024))));
		Console.WriteLine("  expected sum={0}", Sum(Big(4 * 1024 * 1024)));

		Console.WriteLine("timeout:");
		var slow = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
		try {
			await slow.GetStringAsync(root + "slow");
		} catch (Exception e) {
			Console.WriteLine("  {0}", e.GetType().Name);
		}
		Console.WriteLine("cancel:");
		var cts = new CancellationTokenSource(300);
		try {
			await h.GetAsync(root + "slow", cts.Token);
		} catch (Exception e) {
			Console.WriteLine("  {0} cancelled {1}", e.GetType().Name, cts.IsCancellationRequested);
		}

		Console.WriteLine("100 concurrent:");
		var tasks = Enumerable.Range(0, 100).Select(i => h.GetStringAsync(root + "n?i=" + i)).ToArray();
		var all = await Task.WhenAll(tasks);
		Console.WriteLine("  sum {0}", all.Sum(s => int.Parse(s)));
	}

	static void WebClients(int refused)
	{
		Console.WriteLine("WebClient:");
		var w = new WebClient();
		w.Headers.Add("X-Test", "wc");
		Console.WriteLine("  {0}", w.DownloadString(root + "hello?name=wc"));
		Console.WriteLine("  X-Echo {0}", w.ResponseHeaders["X-Echo"]);
		w.Headers.Add("Content-Type", "text/plain");
		Console.WriteLine("  {0}", w.UploadString(root + "echo", "uploaded"));
		Console.WriteLine("  {0}", w.UploadString(root + "echo", "PUT", "put"));
		try {
			w.DownloadString(root + "nowhere");
		} catch (WebException e) {
			Console.WriteLine("  {0} {1} {2}", e.Status, e.Message, (int)((HttpWebResponse)e.Response).StatusCode);
		}

		Console.WriteLine("HttpWebRequest:");
		var q = (HttpWebRequest)WebRequest.Create(root + "hello?name=hwr");
		q.Headers["X-Test"] = "hwr";
		using (var r = (HttpWebResponse)q.GetResponse()) {
			var text = new StreamReader(r.GetResponseStream()).ReadToEnd();
			Console.WriteLine("  {0} {1} {2} '{3}' X-Echo {4}", (int)r.StatusCode, r.StatusDescription,
				r.ContentLength, text, r.Headers["X-Echo"]);
		}
		q = (HttpWebRequest)WebRequest.Create(root + "echo");
		q.Method = "POST";
		q.ContentType = "application/octet-stream";
		var body = Big(70000);
		q.ContentLength = body.Length;
		using (var s = q.GetRequestStream())
			s.Write(body, 0, body.Length);
		using (var r = (HttpWebResponse)q.GetResponse())
			Console.WriteLine("  {0} '{1}'", (int)r.StatusCode, new StreamReader(r.GetResponseStream()).ReadToEnd());
		Console.WriteLine("  expected sum={0}", Sum(body));
		try {
			WebRequest.Create(root + "nowhere").GetResponse();
		} catch (WebException e) {
			var r = (HttpWebResponse)e.Response;
			Console.WriteLine("  404: {0} {1} {2} '{3}'", e.Status, e.Message, (int)r.StatusCode,
				new StreamReader(r.GetResponseStream()).ReadToEnd());
		}
		try {
			WebRequest.Create("http://127.0.0.1:" + refused + "/").GetResponse();
		} catch (WebException e) {
			Console.WriteLine("  refused: {0} {1} response {2}", e.Status, e.Message, e.Response == null);
		}
	}

	static void Main()
	{
		int port = FreePort();
		root = "http://127.0.0.1:" + port + "/";
		var l = new HttpListener();
		l.Prefixes.Add(root);
		l.Start();
		var server = new Thread(() => Server(l));
		server.IsBackground = true;
		server.Start();
		Client().Wait();
		WebClients(FreePort());
		release.Set();
		l.Stop();
		l.Close();
		server.Join();
		Console.WriteLine("done");
	}
}
