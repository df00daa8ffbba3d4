namespace ShapeOpenData.Infrastructure;

/// <summary>Whether two web addresses are the same page as people write them: scheme, case of the host and a trailing slash aside.</summary>
public static class SameAddress
{
    public static string Key(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            ? $"{uri.IdnHost.ToLowerInvariant()}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}{uri.AbsolutePath.TrimEnd('/')}{uri.Query}"
            : url.Trim();
}
