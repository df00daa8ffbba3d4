using System.Text.RegularExpressions;

namespace ShapeOpenData.Modules.Updates;

/// <summary>
/// A policy update: a post by the programme team or an organisation's publishers saying what changed or is planned,
/// in Markdown, with tags people browse by. Public from the moment it is posted; each change is kept in the audit log.
/// </summary>
public sealed partial class PolicyUpdate
{
    public const int SlugMaxLength = 100;
    public const int TitleMaxLength = 150;
    public const int SummaryMaxLength = 400;
    public const int BodyMaxLength = 20_000;
    public const int TagMaxLength = 40;
    public const int MaxTags = 10;

    public int Id { get; private set; }

    /// <summary>Its web address name, made from the title when it is posted and never changed after.</summary>
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>One or two sentences for lists and feeds.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>The post itself, in Markdown.</summary>
    public string Body { get; private set; } = "";
    public int OrganisationId { get; private set; }
    public int? AuthorId { get; private set; }
    public DateTime PublishedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public List<UpdateTag> Tags { get; private set; } = [];

    private PolicyUpdate() { }

    public static PolicyUpdate Post(string slug, UpdateDetails details, int? authorId, DateTime now)
    {
        var update = new PolicyUpdate { Slug = slug, AuthorId = authorId, PublishedAt = now };
        update.Change(details, now);
        return update;
    }

    /// <summary>Its text, organisation and tags; the tags become exactly those given.</summary>
    public void Change(UpdateDetails details, DateTime now)
    {
        (Title, Summary, Body, OrganisationId, UpdatedAt) = (details.Title.Trim(), details.Summary.Trim(), details.Body.Trim(), details.OrganisationId, now);
        var wanted = details.Tags.ToHashSet();
        Tags.RemoveAll(t => !wanted.Contains(t.Tag));
        Tags.AddRange(wanted.Where(tag => Tags.All(t => t.Tag != tag)).Select(tag => new UpdateTag { Tag = tag }));
    }

    /// <summary>
    /// The tags in <paramref name="text"/> (separated by commas), each as a lower-case slug ("Open data" → <c>open-data</c>),
    /// once each, in the order given; null with <paramref name="error"/> when one cannot be a tag or there are too many.
    /// </summary>
    public static IReadOnlyList<string>? ReadTags(string? text, out string? error)
    {
        var tags = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => NotTagged().Replace(t.ToLowerInvariant(), "-").Trim('-')).Where(t => t.Length > 0).Distinct().ToList();
        error = tags.Count > MaxTags ? $"Give {MaxTags} tags or fewer"
            : tags.Any(t => t.Length > TagMaxLength) ? $"Each tag must be {TagMaxLength} characters or fewer"
            : null;
        return error is null ? tags : null;
    }

    /// <summary>A web address name made from <paramref name="title"/>: lower-case letters, digits and hyphens.</summary>
    public static string SlugFrom(string title)
    {
        var slug = NotTagged().Replace(title.ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length > SlugMaxLength - 8 ? slug[..(SlugMaxLength - 8)].TrimEnd('-') : slug;
        // "new" and "tags" are pages of their own.
        return slug is "" or "new" or "tags" ? $"update-{slug}".TrimEnd('-') : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotTagged();
}

/// <summary>What an update says and whose it is: everything but its address, which is made once.</summary>
public sealed record UpdateDetails(string Title, string Summary, string Body, int OrganisationId, IReadOnlyList<string> Tags);

/// <summary>One tag of an update: a lower-case slug like <c>open-data</c>.</summary>
public sealed class UpdateTag
{
    public int UpdateId { get; set; }
    public string Tag { get; set; } = "";
}
