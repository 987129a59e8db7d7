using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Baiqiang.Storage.Tests.Notifications;

/// <summary>
/// A tiny SMTP responder on 127.0.0.1 for the tests: greets, answers EHLO/MAIL/RCPT/DATA/RSET/NOOP/QUIT, and keeps every
/// message it accepts (parsed with MimeKit). Nothing of the sending code is replaced: MailKit talks to it over TCP.
/// </summary>
internal sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LocalSmtpServer(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "HELO" or "MAIL" or "RCPT" or "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with .");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } d && d != ".")
                    {
                        data.Append(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d).Append("\r\n");
                    }

                    Messages.Enqueue(await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(data.ToString()))));
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 not implemented");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}

/// <summary>A local HTTP endpoint standing in for a 企业微信/钉钉 robot: keeps each request body and answers <c>{"errcode":0}</c>.</summary>
internal sealed class LocalWebhookServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LocalWebhookServer(int port)
    {
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/robot/send?key=test";

    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>A port nothing listens on now (for "server down").</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                Bodies.Enqueue(await reader.ReadToEndAsync());
            }

            var answer = Encoding.UTF8.GetBytes("{\"errcode\":0,\"errmsg\":\"ok\"}");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
