using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>
/// A published dataset, as imported from a CKAN portal (DESIGN §4.3). The source portal owns its metadata:
/// each import overwrites it, matched by <see cref="SourceId"/>. Gone from the source means withdrawn here,
/// never deleted, so the reports and requests that point at it keep their history.
/// </summary>
public sealed partial class Dataset
{
    public const int TitleMaxLength = 300;

    public int Id { get; private set; }

    /// <summary>Stable and used in addresses: <c>/datasets/road-traffic-statistics</c>.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>The portal it came from (its host name), or the file it was read from.</summary>
    public string Source { get; private set; } = "";

    /// <summary>The dataset's id in the portal it came from.</summary>
    public string SourceId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int OrganisationId { get; private set; }
    public Organisations.Organisation? Organisation { get; private set; }
    public string? LicenceId { get; private set; }
    public string? LicenceTitle { get; private set; }
    public string? LicenceUrl { get; private set; }
    public bool IsOpenLicence { get; private set; }
    public List<DatasetTheme> Themes { get; private set; } = [];

    /// <summary>Comma-separated, as people typed them in the source portal.</summary>
    public string Keywords { get; private set; } = "";
    public string? LandingPage { get; private set; }

    /// <summary>Title, keywords and description in lower case, for search that ignores case in every database.</summary>
    public string SearchText { get; private set; } = "";
    public DateTime? IssuedAt { get; private set; }
    public DateTime? ModifiedAt { get; private set; }

    /// <summary>Computed from the licence and formats on every import: 0 to 5 stars.</summary>
    public Openness Openness { get; private set; }
    public List<Distribution> Distributions { get; private set; } = [];
    public DateTime ImportedAt { get; private set; }

    /// <summary>Set when the dataset disappeared from its source; cleared if it comes back.</summary>
    public DateTime? WithdrawnAt { get; private set; }

    /// <summary>Numbers the next quality report on this dataset (#1, #2 …).</summary>
    public int ReportsFiled { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;
    public IEnumerable<string> KeywordList => Keywords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private Dataset() { }

    public static Dataset Import(string slug, DatasetMetadata metadata, int organisationId, string source, DateTime now)
    {
        var dataset = new Dataset { Slug = slug, SourceId = metadata.SourceId };
        dataset.Update(metadata, organisationId, source, now);
        return dataset;
    }

    /// <summary>Takes the source's metadata as it now is. Distributions are matched by their own source ids.</summary>
    public void Update(DatasetMetadata metadata, int organisationId, string source, DateTime now)
    {
        Source = source;
        Title = metadata.Title;
        Description = metadata.Description;
        OrganisationId = organisationId;
        LicenceId = metadata.LicenceId;
        LicenceTitle = metadata.LicenceTitle;
        LicenceUrl = metadata.LicenceUrl;
        IsOpenLicence = metadata.IsOpenLicence;
        Keywords = string.Join(", ", metadata.Keywords.Distinct(StringComparer.OrdinalIgnoreCase));
        LandingPage = metadata.LandingPage;
        SearchText = $"{Title}\n{Keywords}\n{Description}".ToLowerInvariant();
        IssuedAt = metadata.IssuedAt;
        ModifiedAt = metadata.ModifiedAt;
        ImportedAt = now;
        WithdrawnAt = null;

        var themes = metadata.Themes.Distinct().ToList();
        Themes.RemoveAll(t => !themes.Contains(t.Theme));
        Themes.AddRange(themes.Where(t => Themes.All(existing => existing.Theme != t)).Select(t => new DatasetTheme { Theme = t }));

        var incoming = metadata.Distributions.DistinctBy(d => d.SourceId).ToList();
        Distributions.RemoveAll(d => incoming.All(i => i.SourceId != d.SourceId));
        foreach (var (given, position) in incoming.Select((d, i) => (d, i)))
        {
            var distribution = Distributions.FirstOrDefault(d => d.SourceId == given.SourceId);
            if (distribution is null)
            {
                distribution = new Distribution { SourceId = given.SourceId };
                Distributions.Add(distribution);
            }
            distribution.Take(given, position);
        }
        Openness = OpennessLevel.Of(IsOpenLicence, Distributions.Select(d => d.Format));
    }

    public void Withdraw(DateTime now) => WithdrawnAt ??= now;

    /// <summary>The number the next quality report gets.</summary>
    public int NextReportNumber() => ++ReportsFiled;
}

/// <summary>One way to get the data: a file, an API or a page, in one format.</summary>
public sealed class Distribution
{
    public int Id { get; private set; }
    public int DatasetId { get; private set; }
    public string SourceId { get; set; } = "";
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public string Url { get; private set; } = "";

    /// <summary>Upper case, as people say it: CSV, JSON, PDF.</summary>
    public string Format { get; private set; } = "";
    public string? MediaType { get; private set; }
    public long? SizeBytes { get; private set; }
    public DateTime? LastModifiedAt { get; private set; }
    public int Position { get; private set; }

    /// <summary>The size as people read it: 12 KB, 3.4 MB.</summary>
    public string? ReadableSize => SizeBytes switch
    {
        null => null,
        < 1_000 => $"{SizeBytes} bytes",
        < 1_000_000 => $"{SizeBytes / 1_000.0:0.#} KB",
        < 1_000_000_000 => $"{SizeBytes / 1_000_000.0:0.#} MB",
        _ => $"{SizeBytes / 1_000_000_000.0:0.#} GB",
    };

    internal void Take(DistributionMetadata source, int position)
    {
        Title = source.Title;
        Description = source.Description;
        Url = source.Url;
        Format = source.Format;
        MediaType = source.MediaType;
        SizeBytes = source.SizeBytes;
        LastModifiedAt = source.LastModifiedAt;
        Position = position;
    }
}

public sealed class DatasetTheme
{
    public int DatasetId { get; set; }
    public Theme Theme { get; set; }
}

/// <summary>A dataset's metadata as read from a source, before it is matched to what the catalogue holds.</summary>
public sealed record DatasetMetadata(
    string SourceId, string Name, string Title, string Description, string OrganisationName, string OrganisationTitle,
    string? LicenceId, string? LicenceTitle, string? LicenceUrl, bool IsOpenLicence, IReadOnlyList<Theme> Themes,
    IReadOnlyList<string> Keywords, string? LandingPage, DateTime? IssuedAt, DateTime? ModifiedAt,
    IReadOnlyList<DistributionMetadata> Distributions);

public sealed record DistributionMetadata(
    string SourceId, string Title, string? Description, string Url, string Format, string? MediaType, long? SizeBytes, DateTime? LastModifiedAt);
