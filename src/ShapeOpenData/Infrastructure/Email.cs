using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Notify.Client;

namespace ShapeOpenData.Infrastructure;

public sealed class EmailOptions
{
    public string From { get; set; } = "Shape open data <no-reply@shape-open-data.example>";

    /// <summary>Where <c>.eml</c> files go when no SMTP host is set; relative paths are under the content root.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary><c>smtp</c> (the default: SMTP, or the pickup directory when no host is set) or <c>notify</c> (GOV.UK Notify).</summary>
    public string Provider { get; set; } = "smtp";

    public SmtpOptions Smtp { get; set; } = new();

    public NotifyOptions Notify { get; set; } = new();

    public bool UsesNotify => string.Equals(Provider, "notify", StringComparison.OrdinalIgnoreCase);

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        public bool UseStartTls { get; set; } = true;
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }

    /// <summary>
    /// GOV.UK Notify: an API key (from the environment or a secret store, never the repository) and the id of an email
    /// template whose subject is <c>((subject))</c> and whose body is <c>((body))</c>.
    /// </summary>
    public sealed class NotifyOptions
    {
        public string? ApiKey { get; set; }
        public string? TemplateId { get; set; }
        public string BaseUrl { get; set; } = "https://api.notifications.service.gov.uk";
    }
}

/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">Plain text, as GOV.UK Notify recommends: readable in every client.</param>
/// <param name="UnsubscribeUrl">A one-click unsubscribe link (RFC 8058) for notification emails.</param>
/// <param name="Reference">What the logs call it, like <c>outbox 42</c>: never its subject, which may name a confidential request.</param>
public sealed record EmailMessage(string To, string Subject, string Body, Uri? UnsubscribeUrl = null, string? Reference = null);

/// <summary>
/// The one way email leaves the service: through GOV.UK Notify when <c>Email:Provider</c> is <c>notify</c>; otherwise by
/// SMTP when <c>Email:Smtp:Host</c> is set, or as <c>.eml</c> files in the pickup directory (development and demos).
/// </summary>
public sealed partial class EmailSender(
    IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<EmailSender> logger)
{
    private readonly EmailOptions _options = options.Value;

    public string PickupDirectory => Path.GetFullPath(
        string.IsNullOrWhiteSpace(_options.PickupDirectory) ? Path.Combine("data", "mail") : _options.PickupDirectory,
        environment.ContentRootPath);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        await using var batch = OpenBatch();
        await batch.SendAsync(message, cancellationToken);
    }

    /// <summary>For sending many, one after another: by SMTP, over one connection.</summary>
    public EmailBatch OpenBatch() => new(this);

    /// <summary>Sends <paramref name="message"/>, by SMTP over <paramref name="smtp"/> when it is still open; returns the connection to reuse.</summary>
    internal async Task<SmtpClient?> SendAsync(EmailMessage message, SmtpClient? smtp, CancellationToken cancellationToken)
    {
        if (_options.UsesNotify)
        {
            await SendByNotifyAsync(message);
            return null;
        }
        using var mime = Compose(message);
        if (string.IsNullOrWhiteSpace(_options.Smtp.Host))
        {
            await WriteToPickupDirectoryAsync(mime, cancellationToken);
            LogWritten(logger, message.Reference ?? "-", mime.MessageId ?? "");
            return null;
        }
        if (smtp is not { IsConnected: true })
        {
            smtp?.Dispose();
            smtp = new SmtpClient();
            // Without Nagle's algorithm: it holds each message's closing "." until the server acknowledges the body,
            // which the server delays, and every message would wait about 40 ms.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(_options.Smtp.Host, _options.Smtp.Port, cancellationToken);
                await smtp.ConnectAsync(socket, _options.Smtp.Host, _options.Smtp.Port,
                    _options.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            if (!string.IsNullOrEmpty(_options.Smtp.UserName))
            {
                await smtp.AuthenticateAsync(_options.Smtp.UserName, _options.Smtp.Password ?? "", cancellationToken);
            }
        }
        await smtp.SendAsync(mime, cancellationToken);
        LogSent(logger, message.Reference ?? "-", mime.MessageId ?? "");
        return smtp;
    }

    /// <summary>
    /// Through GOV.UK Notify's template, the subject and the plain-text body as its two placeholders. The unsubscribe link
    /// goes in the body (the client this version of the package offers has no header for it); the reference names the
    /// email in Notify's own records without personal data.
    /// </summary>
    private async Task SendByNotifyAsync(EmailMessage message)
    {
        var notify = _options.Notify;
        if (string.IsNullOrWhiteSpace(notify.ApiKey) || string.IsNullOrWhiteSpace(notify.TemplateId))
        {
            throw new InvalidOperationException("Email:Provider is notify: set Email:Notify:ApiKey and Email:Notify:TemplateId");
        }
        var client = new NotificationClient(notify.BaseUrl, notify.ApiKey);
        var sent = await client.SendEmailAsync(message.To, notify.TemplateId,
            new Dictionary<string, dynamic> { ["subject"] = message.Subject, ["body"] = BodyOf(message) }, message.Reference, null);
        LogNotified(logger, message.Reference ?? "-", sent.id);
    }

    private static string BodyOf(EmailMessage message) =>
        message.UnsubscribeUrl is { } unsubscribe ? $"{message.Body}\n\n---\nTo stop these emails, unsubscribe: {unsubscribe}\n" : message.Body;

    private MimeMessage Compose(EmailMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject };
        if (string.IsNullOrEmpty(mime.MessageId))
        {
            mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        }
        mime.From.Add(MailboxAddress.Parse(_options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mime.Body = new TextPart("plain") { Text = BodyOf(message) };
        return mime;
    }

    private async Task WriteToPickupDirectoryAsync(MimeMessage mime, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(PickupDirectory);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfffffff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(PickupDirectory, name + ".tmp");
        await mime.WriteToAsync(temporary, cancellationToken);
        // Readers never see a half-written message.
        File.Move(temporary, Path.Combine(PickupDirectory, name));
    }

    // Neither addresses (personal data) nor subjects (which may name a confidential request) go into logs: the
    // caller's reference and the Message-Id, which the mail server's own logs also show.
    [LoggerMessage(LogLevel.Information, "Email {Reference} <{MessageId}> written to the pickup directory")]
    private static partial void LogWritten(ILogger logger, string reference, string messageId);

    [LoggerMessage(LogLevel.Information, "Email {Reference} <{MessageId}> sent by SMTP")]
    private static partial void LogSent(ILogger logger, string reference, string messageId);

    [LoggerMessage(LogLevel.Information, "Email {Reference} sent through GOV.UK Notify as notification {NotificationId}")]
    private static partial void LogNotified(ILogger logger, string reference, string notificationId);
}

/// <summary>
/// Emails sent one after another over one SMTP connection, opened at the first and closed at the end. A failed send
/// closes it; the next send opens another.
/// </summary>
public sealed class EmailBatch(EmailSender sender) : IAsyncDisposable
{
    private SmtpClient? _smtp;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            _smtp = await sender.SendAsync(message, _smtp, cancellationToken);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_smtp is not { } smtp)
        {
            return;
        }
        _smtp = null;
        using (smtp)
        {
            if (smtp.IsConnected)
            {
                try
                {
                    await smtp.DisconnectAsync(quit: true);
                }
                catch (Exception failure) when (failure is IOException or MailKit.ProtocolException or SmtpCommandException or System.Net.Sockets.SocketException)
                {
                    // The messages are sent; a connection that fails to close politely is closed anyway.
                }
            }
        }
    }
}
