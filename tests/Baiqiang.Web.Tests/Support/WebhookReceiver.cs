using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Baiqiang.Web.Tests.Support;

/// <summary>A robot webhook on loopback that answers like 企业微信 and keeps every message's title (its first line).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<string> _titles = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hook/";
            probe.Stop();
        }

        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public IReadOnlyList<string> Titles => [.. _titles];

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

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                using var body = JsonDocument.Parse(await reader.ReadToEndAsync());
                _titles.Enqueue(body.RootElement.GetProperty("text").GetProperty("content").GetString()!.Split('\n')[0]);
            }

            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync("{\"errcode\":0,\"errmsg\":\"ok\"}"u8.ToArray());
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
