using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace ShapeOpenData.Modules.Catalogue;

public sealed class CatalogueOptions
{
    /// <summary>Working days a publisher has to respond to a quality report (the service standard).</summary>
    public int ReportResponseWorkingDays { get; set; } = 10;

    /// <summary>Datasets asked for per page when paging a portal (CKAN allows up to 1,000).</summary>
    public int ImportPageSize { get; set; } = 100;

    /// <summary>An import stops after this many datasets, however many the portal says it has.</summary>
    public int ImportMaxDatasets { get; set; } = 200_000;

    /// <summary>Tries per page before giving up; the wait doubles (with jitter) from <see cref="ImportRetryDelay"/> each time.</summary>
    public int ImportAttempts { get; set; } = 4;
    public TimeSpan ImportRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest page of a portal read; a portal sending more is stopped there (100 datasets take about 1 MB).</summary>
    public long ImportMaxPageBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Lets the import read portals on private and local addresses (<see cref="SourceAddresses"/>): for development and tests.</summary>
    public bool AllowPrivateSources { get; set; }

    /// <summary>Host names, as written in a portal's address, that the import may read although they are private: an internal portal.</summary>
    public IList<string> TrustedPrivateHosts { get; } = [];
}

/// <summary>Where CKAN records come from: a saved <c>package_search</c> response, or a portal paged through.</summary>
public sealed class CkanSources(IHttpClientFactory clients, IOptions<CatalogueOptions> options)
{
    public const string HttpClientName = "ckan";

    /// <summary>A file holding one <c>package_search</c> response.</summary>
    public static async IAsyncEnumerable<CkanPage> FromFileAsync(Stream file, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(file, default, cancellationToken);
        }
        catch (JsonException invalid)
        {
            throw new ImportFailedException($"The file is not valid JSON: {invalid.Message}");
        }
        using (document)
        {
            yield return CkanPackages.Read(document);
        }
    }

    /// <summary>
    /// Pages through a portal's <c>/api/3/action/package_search</c> with <c>rows</c> and <c>start</c>, oldest
    /// first so that datasets added meanwhile do not shift the pages, until it has every record or reaches the
    /// limit. A page that fails is tried again after a growing wait.
    /// </summary>
    public async IAsyncEnumerable<CkanPage> FromPortalAsync(Uri portal, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var endpoint = SearchEndpoint(portal);
        var http = clients.CreateClient(HttpClientName);
        var start = 0;
        while (start < settings.ImportMaxDatasets)
        {
            var rows = Math.Min(settings.ImportPageSize, settings.ImportMaxDatasets - start);
            var url = new Uri($"{endpoint}?rows={rows}&start={start}&sort=metadata_created%20asc");
            using var document = await FetchAsync(http, url, settings, cancellationToken);
            var page = CkanPackages.Read(document, firstRecord: start + 1);
            yield return page;
            start += page.Read;
            if (page.Read == 0 || start >= page.Count)
            {
                yield break;
            }
        }
    }

    /// <summary>The search endpoint of a portal given by its address or by the endpoint itself.</summary>
    public static Uri SearchEndpoint(Uri portal)
    {
        var path = portal.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(path.EndsWith("/api/3/action/package_search", StringComparison.Ordinal) ? path : $"{path}/api/3/action/package_search");
    }

    /// <summary>One page, through the client's retries (<c>CatalogueModule</c>): what is left failing after the last try is explained.</summary>
    private static async Task<JsonDocument> FetchAsync(HttpClient http, Uri url, CatalogueOptions settings, CancellationToken cancellationToken)
    {
        var tries = settings.ImportAttempts == 1 ? "1 try" : $"{settings.ImportAttempts} tries";
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            // CKAN answers a bad query with 400 or 409 and its error in the body, which Read turns into a message.
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var page = response.Content.Headers.ContentLength > settings.ImportMaxPageBytes ? null : await ReadUpToAsync(body, settings.ImportMaxPageBytes, cancellationToken);
            if (page is null)
            {
                throw new ImportFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"{url} sent a page larger than {settings.ImportMaxPageBytes:N0} bytes, the most the import reads"));
            }
            try
            {
                return JsonDocument.Parse(page.Value);
            }
            catch (JsonException)
            {
                var answered = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                throw new ImportFailedException(IsWorthRetrying(response.StatusCode)
                    ? $"Could not get {url} after {tries}: it answered {answered}"
                    : $"{url} answered {answered} with something that is not JSON");
            }
        }
        catch (HttpRequestException failure) when (failure.InnerException is SourceRefusedException refused)
        {
            throw new ImportFailedException($"Could not get {url}: {refused.Message}");
        }
        catch (Exception failure) when (failure is HttpRequestException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new ImportFailedException($"Could not get {url} after {tries}: {failure.Message}");
        }
    }

    /// <summary>The whole body, or null as soon as it runs past <paramref name="limit"/> bytes.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadUpToAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var page = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (page.Length + read > limit)
            {
                return null;
            }
            page.Write(buffer, 0, read);
        }
        return page.ToArray();
    }

    private static bool IsWorthRetrying(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;
}
