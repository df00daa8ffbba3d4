using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>
/// Anyone may call package_search hundreds of times a minute, so one call must not be able to ask the database for
/// unbounded work: too many terms, or a body too large to read, is refused in CKAN's error shape before any query runs.
/// </summary>
[Collection(SharedService.Publishing)]
public sealed class CkanSearchCostTests(ServiceFactory service)
{
    private static string Repeat(string term, int times) => string.Join(' ', Enumerable.Range(1, times).Select(i => $"{term}{i}"));

    private static void AssertTooBig(HttpStatusCode status, JsonElement body, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        var error = body.GetProperty("error");
        Assert.Equal("Validation Error", error.GetProperty("__type").GetString());
        Assert.StartsWith("Too many search terms", error.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("result", out _));
    }

    [Theory]
    [InlineData("q", "word")]
    [InlineData("q", "-excluded")]
    [InlineData("q", "NOT excluded")]
    [InlineData("fq", "tags:tag")]
    [InlineData("fq", "-name:dataset")]
    public async Task PackageSearch_TooManyTerms_IsRefusedAsACkanValidationError(string parameter, string term)
    {
        var (status, body) = await service.CkanAsync($"/api/3/action/package_search?{parameter}={Uri.EscapeDataString(Repeat(term, 500))}");

        AssertTooBig(status, body, parameter);
    }

    [Fact]
    public async Task PackageSearch_TermsInQAndFq_CountTogether()
    {
        var (fits, _) = await service.CkanAsync($"/api/3/action/package_search?q={Uri.EscapeDataString(Repeat("-word", 10))}&fq={Uri.EscapeDataString(Repeat("tags:t", 10))}");
        var (status, body) = await service.CkanAsync($"/api/3/action/package_search?q={Uri.EscapeDataString(Repeat("-word", 10))}&fq={Uri.EscapeDataString(Repeat("tags:t", 11))}");

        Assert.Equal(HttpStatusCode.OK, fits);
        AssertTooBig(status, body, "fq");
    }

    [Fact]
    public async Task PackageSearch_TooManyTermsByPost_IsRefusedToo()
    {
        var response = await service.CreateClient().PostAsJsonAsync("/api/action/package_search", new { q = Repeat("-excluded", 100) });

        AssertTooBig(response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(), "q");
    }

    [Fact]
    public async Task PackageSearch_BodyLargerThanTheLimit_IsRefusedWithoutReadingIt()
    {
        var body = $$"""{"q": "{{new string('a', 100_000)}}"}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await service.CreateClient().PostAsync("/api/action/package_search", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(answer.GetProperty("success").GetBoolean());
        Assert.Equal("Validation Error", answer.GetProperty("error").GetProperty("__type").GetString());
        Assert.StartsWith("The request body is too large", answer.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>The service on Kestrel, as in production: a real socket, so what it reads of a request body is what was sent.</summary>
public sealed class KestrelServiceFactory : ServiceFactory
{
    public KestrelServiceFactory() => UseKestrel(0);

    public Uri BaseAddress => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
        .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First()
        .Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

    protected override void StartService() => StartServer();
}

/// <summary>
/// A body too large to read, sent as an attacker would over a raw connection: in chunks with no length given, and never
/// finished. A service that read bodies to the end could not answer it at all.
/// </summary>
[Trait("Databases", "one")]
public sealed class CkanBodyLimitTests(KestrelServiceFactory service) : IClassFixture<KestrelServiceFactory>
{
    [Fact]
    public async Task PackageSearch_UnfinishedBodyOverTheLimit_IsRefusedWithoutWaitingForTheRest()
    {
        using var connection = new System.Net.Sockets.TcpClient();
        await connection.ConnectAsync(service.BaseAddress.Host, service.BaseAddress.Port);
        var stream = connection.GetStream();
        var chunk = "{\"q\": \"" + new string('a', 64 * 1024);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/3/action/package_search HTTP/1.1\r\nHost: {service.BaseAddress.Authority}\r\nContent-Type: application/json\r\n" +
            $"Transfer-Encoding: chunked\r\n\r\n{chunk.Length:x}\r\n{chunk}\r\n"));

        // Only a guard: a refusal comes at once.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var answer = await ReadAnswerAsync(stream, guard.Token);

        Assert.StartsWith("HTTP/1.1 413 ", answer, StringComparison.Ordinal);
        Assert.Contains("\"success\":false", answer, StringComparison.Ordinal);
        Assert.Contains("The request body is too large", answer, StringComparison.Ordinal);
    }

    /// <summary>What the service sent back, until it closes the connection (or, failing that, until the guard).</summary>
    private static async Task<string> ReadAnswerAsync(System.Net.Sockets.NetworkStream stream, CancellationToken guard)
    {
        var answer = new StringBuilder();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, guard)) > 0)
            {
                answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (Exception ended) when (ended is OperationCanceledException or IOException)
        {
            // No answer, an answer that left the connection open, or one that reset it: what came is judged below.
        }
        return answer.ToString();
    }
}
