using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Tests.Notifications;

/// <summary>
/// GOV.UK Notify as the way email leaves (<c>Email:Provider=notify</c>): the real client posts to a stand-in for Notify's
/// API on 127.0.0.1 (Notify itself is not reachable from here), with a signed token, the template and both placeholders.
/// </summary>
public sealed class NotifyProviderTests
{
    private static readonly string ServiceId = Guid.NewGuid().ToString();
    private static readonly string ApiKey = $"shape_test-{ServiceId}-{Guid.NewGuid()}";
    private const string TemplateId = "f33517ff-2a88-4f6e-b855-c550268ce08a";

    private static EmailSender Sender(string baseUrl, string? apiKey = null) => new(
        Options.Create(new EmailOptions { Provider = "notify", Notify = new() { ApiKey = apiKey ?? ApiKey, TemplateId = TemplateId, BaseUrl = baseUrl } }),
        new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, TimeProvider.System, NullLogger<EmailSender>.Instance);

    [Fact]
    public async Task AnEmail_GoesToNotify_AsTheTemplateWithSubjectAndBody_SignedWithTheServicesKey()
    {
        var port = MailCatcher.FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = (context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], Json: JsonDocument.Parse(await reader.ReadToEndAsync()));
            var answer = JsonSerializer.SerializeToUtf8Bytes(new
            {
                id = "740e5834-3a29-46b4-9a6f-16142fde533a", reference = "outbox 7", uri = "x",
                content = new { body = "b", subject = "s", from_email = "f" }, template = new { id = TemplateId, version = 1, uri = "y" },
            });
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
            return request;
        });

        await Sender($"http://127.0.0.1:{port}").SendAsync(new EmailMessage("fran@example.test", "Progress on commitment UK16-OD", "Progress reported.",
            new Uri("https://shape.example/unsubscribe/abc"), "outbox 7"));

        var (method, path, authorization, json) = await received;
        Assert.Equal(("POST", "/v2/notifications/email"), (method, path));
        var token = authorization!["Bearer ".Length..].Split('.');
        var claims = JsonDocument.Parse(Convert.FromBase64String(token[1].PadRight(token[1].Length + ((4 - (token[1].Length % 4)) % 4), '=').Replace('-', '+').Replace('_', '/')));
        Assert.Equal(ServiceId, claims.RootElement.GetProperty("iss").GetString());
        var body = json.RootElement;
        Assert.Equal(("fran@example.test", TemplateId, "outbox 7"),
            (body.GetProperty("email_address").GetString(), body.GetProperty("template_id").GetString(), body.GetProperty("reference").GetString()));
        Assert.Equal("Progress on commitment UK16-OD", body.GetProperty("personalisation").GetProperty("subject").GetString());
        Assert.Equal("Progress reported.\n\n---\nTo stop these emails, unsubscribe: https://shape.example/unsubscribe/abc\n",
            body.GetProperty("personalisation").GetProperty("body").GetString());
    }

    [Fact]
    public async Task WithoutAKeyOrTemplate_NotifyIsRefusedWithWhatToSet()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Sender("http://127.0.0.1:9", apiKey: "").SendAsync(new EmailMessage("a@example.test", "s", "b")));
        Assert.Equal("Email:Provider is notify: set Email:Notify:ApiKey and Email:Notify:TemplateId", refused.Message);
    }
}
