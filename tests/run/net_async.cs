// Sockets, asynchronous (IOSelector and the thread pool): Begin/End
// accept, connect, receive and send; SocketAsyncEventArgs; an async/await
// echo server with 200 concurrent clients; 1000 connections opened and
// dropped while the server keeps serving.
using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

class NetAsync {
	static void BeginEnd()
	{
		var l = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
		l.Bind(new IPEndPoint(IPAddress.Loopback, 0));
		l.Listen(5);
		var accepted = l.BeginAccept(null, null);
		var c = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
		var done = new ManualResetEvent(false);
		c.BeginConnect(l.LocalEndPoint, ar => { c.EndConnect(ar); done.Set(); }, null);
		var a = l.EndAccept(accepted);
		done.WaitOne();
		Console.WriteLine("begin/end: connected {0}", c.Connected);
		var buf = new byte[16];
		var recv = a.BeginReceive(buf, 0, buf.Length, SocketFlags.None, null, null);
		Thread.Sleep(20);
		Console.WriteLine("receive pending: {0}", !recv.IsCompleted);
		var sent = c.BeginSend(Encoding.ASCII.GetBytes("async"), 0, 5, SocketFlags.None, null, null);
		Console.WriteLine("sent {0}", c.EndSend(sent));
		int n = a.EndReceive(recv);
		Console.WriteLine("received {0}: {1}", n, Encoding.ASCII.GetString(buf, 0, n));
		// a receive pending when its socket closes
		var pending = a.BeginReceive(buf, 0, buf.Length, SocketFlags.None, null, null);
		a.Close();
		try {
			a.EndReceive(pending);
			Console.WriteLine("closed receive: no error");
		} catch (Exception e) {
			Console.WriteLine("closed receive: {0}", e.GetType().Name);
		}
		c.Close();
		l.Close();
	}

	static void EventArgs()
	{
		var l = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
		l.Bind(new IPEndPoint(IPAddress.Loopback, 0));
		l.Listen(5);
		var ev = new SocketAsyncEventArgs();
		var got = new ManualResetEvent(false);
		ev.Completed += (s, e) => got.Set();
		if (!l.AcceptAsync(ev))
			got.Set();
		var c = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
		c.Connect(l.LocalEndPoint);
		got.WaitOne();
		Console.WriteLine("AcceptAsync: {0}, socket: {1}", ev.SocketError, ev.AcceptSocket != null);
		var a = ev.AcceptSocket;
		var rev = new SocketAsyncEventArgs();
		rev.SetBuffer(new byte[8], 0, 8);
		var rgot = new ManualResetEvent(false);
		rev.Completed += (s, e) => rgot.Set();
		if (!a.ReceiveAsync(rev))
			rgot.Set();
		c.Send(Encoding.ASCII.GetBytes("saea"));
		rgot.WaitOne();
		Console.WriteLine("ReceiveAsync: {0} {1} {2}", rev.SocketError, rev.BytesTransferred,
			Encoding.ASCII.GetString(rev.Buffer, 0, rev.BytesTransferred));
		a.Close();
		c.Close();
		l.Close();
	}

	static async Task Serve(TcpClient c)
	{
		using (c) {
			var s = c.GetStream();
			var buf = new byte[64];
			int n;
			try {
				while ((n = await s.ReadAsync(buf, 0, buf.Length)) > 0)
					await s.WriteAsync(buf, 0, n);
			} catch (System.IO.IOException) {
				// a client that dropped its connection: reset by peer
			}
		}
	}

	static async Task Server(TcpListener l, CancellationToken stop)
	{
		var clients = new System.Collections.Generic.List<Task>();
		while (!stop.IsCancellationRequested) {
			TcpClient c;
			try {
				c = await l.AcceptTcpClientAsync();
			} catch (ObjectDisposedException) {
				break;
			} catch (SocketException) {
				break;
			} catch (InvalidOperationException) {
				// Stop() ran between the cancellation check and this accept
				break;
			}
			clients.Add(Serve(c));
		}
		await Task.WhenAll(clients.ToArray());
	}

	static async Task<bool> Client(int port, int i)
	{
		using (var c = new TcpClient()) {
			await c.ConnectAsync(IPAddress.Loopback, port);
			var s = c.GetStream();
			var msg = Encoding.ASCII.GetBytes("client " + i + " says hello");
			await s.WriteAsync(msg, 0, msg.Length);
			var back = new byte[msg.Length];
			int got = 0;
			while (got < back.Length) {
				int n = await s.ReadAsync(back, got, back.Length - got);
				if (n == 0)
					break;
				got += n;
			}
			return got == msg.Length && back.SequenceEqual(msg);
		}
	}

	static void AsyncServer()
	{
		var l = new TcpListener(IPAddress.Loopback, 0);
		l.Start(300);
		int port = ((IPEndPoint)l.LocalEndpoint).Port;
		var stop = new CancellationTokenSource();
		var server = Server(l, stop.Token);
		var clients = Enumerable.Range(0, 200).Select(i => Client(port, i)).ToArray();
		Task.WaitAll(clients);
		Console.WriteLine("200 clients: {0} echoed", clients.Count(t => t.Result));
		// 1000 connections opened and dropped, then one that is served
		for (int i = 0; i < 1000; i++) {
			var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
			s.Connect(IPAddress.Loopback, port);
			if (i % 2 == 0)
				s.Send(new byte[] { 1 });
			s.Close();
		}
		Console.WriteLine("after 1000 dropped: served {0}", Client(port, 1000).Result);
		stop.Cancel();
		l.Stop();
		try {
			server.Wait();
			Console.WriteLine("server stopped");
		} catch (AggregateException e) {
			Console.WriteLine("server stopped: {0}", e.InnerException.GetType().Name);
		}
	}

	static void Main()
	{
		BeginEnd();
		EventArgs();
		AsyncServer();
	}
}
