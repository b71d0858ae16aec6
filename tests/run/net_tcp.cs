// Sockets, synchronous: TCP echo and UDP over IPv4 and IPv6 loopback,
// non-blocking connect/accept with Poll and Select, options, Shutdown,
// the errors of a refused connection, a port in use and a timed-out
// receive, a peer leaving mid-stream, and Accept interrupted by Close.
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

class NetTcp {
	static void Echo(IPAddress addr)
	{
		var l = new TcpListener(addr, 0);
		l.Start();
		int port = ((IPEndPoint)l.LocalEndpoint).Port;
		var t = new Thread(() => {
			using (var c = l.AcceptTcpClient()) {
				var s = c.GetStream();
				var buf = new byte[7];
				int n;
				while ((n = s.Read(buf, 0, buf.Length)) > 0)
					s.Write(buf, 0, n);
			}
		});
		t.Start();
		using (var c = new TcpClient(addr.AddressFamily)) {
			c.Connect(addr, port);
			Console.WriteLine("connected: {0}", c.Connected);
			var s = c.GetStream();
			var text = new StringBuilder();
			for (int i = 0; i < 1000; i++)
				text.Append(i).Append(',');
			var b = Encoding.ASCII.GetBytes(text.ToString());
			s.Write(b, 0, b.Length);
			var r = new byte[b.Length];
			int got = 0;
			while (got < r.Length)
				got += s.Read(r, got, r.Length - got);
			Console.WriteLine("{0} echoed {1} bytes, same: {2}", addr.AddressFamily, got,
				Encoding.ASCII.GetString(r) == text.ToString());
			var local = (IPEndPoint)c.Client.LocalEndPoint;
			var remote = (IPEndPoint)c.Client.RemoteEndPoint;
			Console.WriteLine("local {0}, remote {1}, remote port ok: {2}", local.Address,
				remote.Address, remote.Port == port);
		}
		t.Join();
		l.Stop();
	}

	static void Udp(IPAddress loopback)
	{
		var anyAddress = loopback.AddressFamily == AddressFamily.InterNetworkV6
			? IPAddress.IPv6Any : IPAddress.Any;
		using (var a = new UdpClient(new IPEndPoint(loopback, 0)))
		using (var b = new UdpClient(new IPEndPoint(loopback, 0))) {
			var bEnd = (IPEndPoint)b.Client.LocalEndPoint;
			var msg = Encoding.ASCII.GetBytes("datagram");
			a.Send(msg, msg.Length, bEnd);
			var from = new IPEndPoint(anyAddress, 0);
			var got = b.Receive(ref from);
			Console.WriteLine("udp: {0} from {1}, port ok: {2}", Encoding.ASCII.GetString(got),
				from.Address, from.Port == ((IPEndPoint)a.Client.LocalEndPoint).Port);
			var s = b.Client;
			EndPoint any = new IPEndPoint(anyAddress, 0);
			a.Send(msg, 4, bEnd);
			var buf = new byte[100];
			int n = s.ReceiveFrom(buf, ref any);
			Console.WriteLine("udp ReceiveFrom: {0} bytes, {1}", n, ((IPEndPoint)any).Address);
		}
	}

	static void NonBlocking()
	{
		var l = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
		l.Bind(new IPEndPoint(IPAddress.Loopback, 0));
		l.Listen(10);
		l.Blocking = false;
		try {
			l.Accept();
		} catch (SocketException e) {
			Console.WriteLine("accept with nobody: {0}", e.SocketErrorCode);
		}
		var c = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
		c.Blocking = false;
		try {
			c.Connect(l.LocalEndPoint);
			Console.WriteLine("connected at once");
		} catch (SocketException e) {
			Console.WriteLine("connect: {0}", e.SocketErrorCode);
		}
		Console.WriteLine("listener readable: {0}", l.Poll(5000000, SelectMode.SelectRead));
		Console.WriteLine("client writable: {0}", c.Poll(5000000, SelectMode.SelectWrite));
		Console.WriteLine("client in error: {0}", c.Poll(0, SelectMode.SelectError));
		var a = l.Accept();
		a.Blocking = true;
		c.Blocking = true;
		var reads = new List<Socket> { a, l };
		Socket.Select(reads, null, null, 0);
		Console.WriteLine("readable before send: {0}", reads.Count);
		c.Send(new byte[] { 1, 2, 3 });
		reads = new List<Socket> { l, a };
		var writes = new List<Socket> { c };
		Socket.Select(reads, writes, null, 5000000);
		Console.WriteLine("readable: {0} (the accepted one: {1}), writable: {2}", reads.Count,
			reads.Count == 1 && reads[0] == a, writes.Count);
		Console.WriteLine("available: {0}", a.Available);
		a.Close();
		c.Close();
		l.Close();
	}

	static void Options()
	{
		var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
		s.NoDelay = true;
		Console.WriteLine("NoDelay: {0}", s.NoDelay);
		s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
		Console.WriteLine("ReuseAddress: {0}", (int)s.GetSocketOption(SocketOptionLevel.Socket,
			SocketOptionName.ReuseAddress) != 0);
		s.ReceiveTimeout = 1500;
		s.SendTimeout = 2500;
		Console.WriteLine("timeouts: {0} {1}", s.ReceiveTimeout, s.SendTimeout);
		s.LingerState = new LingerOption(true, 3);
		var lo = s.LingerState;
		Console.WriteLine("linger: {0} {1}", lo.Enabled, lo.LingerTime);
		s.LingerState = new LingerOption(false, 0);
		Console.WriteLine("linger off: {0}", s.LingerState.Enabled);
		s.ReceiveBufferSize = 65536;
		Console.WriteLine("receive buffer set: {0}", s.ReceiveBufferSize >= 65536);
		Console.WriteLine("type: {0}", s.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Type));
		s.Close();
	}

	static void ShutdownAndPeerGone()
	{
		var l = new TcpListener(IPAddress.Loopback, 0);
		l.Start();
		var c = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
		c.Connect(l.LocalEndpoint);
		var a = l.AcceptSocket();
		c.Send(Encoding.ASCII.GetBytes("bye"));
		c.Shutdown(SocketShutdown.Send);
		var buf = new byte[10];
		int n = a.Receive(buf);
		Console.WriteLine("got {0}: {1}", n, Encoding.ASCII.GetString(buf, 0, n));
		Console.WriteLine("then: {0}", a.Receive(buf));
		a.Send(Encoding.ASCII.GetBytes("ok"));
		Console.WriteLine("half-closed client still reads: {0}", c.Receive(buf));
		c.Close();
		a.Close();
		// a client that goes away mid-stream: the server reads what came, then 0
		var c2 = new TcpClient();
		c2.Connect((IPEndPoint)l.LocalEndpoint);
		var a2 = l.AcceptTcpClient();
		c2.GetStream().Write(new byte[5], 0, 5);
		c2.Close();
		var st = a2.GetStream();
		int total = 0;
		while ((n = st.Read(buf, 0, buf.Length)) > 0)
			total += n;
		Console.WriteLine("server read {0} bytes, then the end", total);
		a2.Close();
		// one that resets (linger 0): the server's read fails
		var c3 = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
		c3.Connect(l.LocalEndpoint);
		var a3 = l.AcceptSocket();
		c3.LingerState = new LingerOption(true, 0);
		c3.Close();
		Thread.Sleep(50);
		try {
			n = a3.Receive(buf);
			Console.WriteLine("read after reset: {0}", n);
		} catch (SocketException e) {
			Console.WriteLine("read after reset: {0} {1}", e.SocketErrorCode, e.Message);
		}
		a3.Close();
		l.Stop();
	}

	static void Errors()
	{
		var l = new TcpListener(IPAddress.Loopback, 0);
		l.Start();
		int port = ((IPEndPoint)l.LocalEndpoint).Port;
		try {
			var l2 = new TcpListener(IPAddress.Loopback, port);
			l2.Start();
			Console.WriteLine("port in use: no error");
		} catch (SocketException e) {
			Console.WriteLine("port in use: {0} {1} {2}", e.SocketErrorCode, e.ErrorCode, e.Message);
		}
		l.Stop();
		try {
			new TcpClient().Connect(IPAddress.Loopback, port);
			Console.WriteLine("refused: no error");
		} catch (SocketException e) {
			Console.WriteLine("refused: {0} {1} {2}", e.SocketErrorCode, e.ErrorCode, e.Message);
		}
		l = new TcpListener(IPAddress.Loopback, 0);
		l.Start();
		var c = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
		c.Connect(l.LocalEndpoint);
		c.ReceiveTimeout = 100;
		try {
			c.Receive(new byte[10]);
			Console.WriteLine("timeout: no error");
		} catch (SocketException e) {
			Console.WriteLine("timeout: {0} {1} {2}", e.SocketErrorCode, e.ErrorCode, e.Message);
		}
		c.Close();
		try {
			c.Send(new byte[1]);
		} catch (ObjectDisposedException e) {
			Console.WriteLine("closed: {0}", e.GetType().Name);
		}
		l.Stop();
		// Accept blocked in another thread, interrupted by Stop
		l = new TcpListener(IPAddress.Loopback, 0);
		l.Start();
		var t = new Thread(() => {
			try {
				l.AcceptSocket();
				Console.WriteLine("accepted?");
			} catch (SocketException e) {
				Console.WriteLine("blocked accept: {0} {1}", e.SocketErrorCode, e.Message);
			} catch (ObjectDisposedException) {
				Console.WriteLine("blocked accept: disposed");
			}
		});
		t.Start();
		Thread.Sleep(200);
		l.Stop();
		t.Join();
	}

	static void Main()
	{
		Echo(IPAddress.Loopback);
		Echo(IPAddress.IPv6Loopback);
		Udp(IPAddress.Loopback);
		Udp(IPAddress.IPv6Loopback);
		NonBlocking();
		Options();
		ShutdownAndPeerGone();
		Errors();
	}
}
