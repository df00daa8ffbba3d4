using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Search;

/// <summary>
/// One public item in the site search: a row exists only while anyone may see the item. The database keeps its
/// full-text index beside it (SQLite FTS5 kept by triggers, a PostgreSQL tsvector column with a GIN index: see
/// the SearchFullText migration), so every instance answers the same and nothing lives on an instance's disk.
/// </summary>
public sealed class SearchDocument
{
    public const int TypeMaxLength = 40;
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 20_000;
    public const int UrlMaxLength = 500;

    public int Id { get; private set; }
    public string Type { get; private set; } = "";
    public int ItemId { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string Url { get; private set; } = "";
    public int? OrganisationId { get; private set; }
    public DateTime? Date { get; private set; }

    public static SearchDocument For(string type, SearchText text)
    {
        var document = new SearchDocument { Type = type, ItemId = text.Id };
        document.Update(text);
        return document;
    }

    /// <summary>Takes the item's current words; long bodies are cut at the limit (the first 20,000 characters find it).</summary>
    public void Update(SearchText text)
    {
        Title = Cut(text.Title, TitleMaxLength);
        Body = Cut(text.Body, BodyMaxLength);
        Url = Cut(text.Url, UrlMaxLength);
        OrganisationId = text.OrganisationId;
        Date = text.Date;
    }

    private static string Cut(string text, int length) => Snippets.Clean(text.Length <= length ? text : text[..length]);
}

internal sealed class SearchDocumentMapping : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> document)
    {
        document.Property(d => d.Type).HasMaxLength(SearchDocument.TypeMaxLength);
        document.Property(d => d.Title).HasMaxLength(SearchDocument.TitleMaxLength);
        document.Property(d => d.Body).HasMaxLength(SearchDocument.BodyMaxLength);
        document.Property(d => d.Url).HasMaxLength(SearchDocument.UrlMaxLength);
        document.HasIndex(d => new { d.Type, d.ItemId }).IsUnique();
        document.HasIndex(d => d.OrganisationId);
    }
}
