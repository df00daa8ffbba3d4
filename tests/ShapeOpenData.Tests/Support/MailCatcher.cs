using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Storage;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace ShapeOpenData.Tests.Support;

/// <summary>A real SMTP server on 127.0.0.1 that keeps every message it is sent, for tests to read.</summary>
public sealed class MailCatcher : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public int Port { get; } = FreePort();

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. _messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b?.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits for a message to <paramref name="address"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, string subject, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (To(address).LastOrDefault(m => (m.Subject ?? "").Contains(subject, StringComparison.OrdinalIgnoreCase)) is { } message)
            {
                return message;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException($"No email \"{subject}\" to {address}. Sent: {string.Join("; ", Messages.Select(m => $"{m.To} {m.Subject}"))}");
    }

    /// <summary>The first link in a message's text, as a path on this service.</summary>
    public static string LinkIn(MimeMessage message) =>
        new Uri(WebSession.LinkPattern().Match(message.TextBody ?? "").Value).PathAndQuery;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try { await _running; } catch (OperationCanceledException) { }
        }
        _stop.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
