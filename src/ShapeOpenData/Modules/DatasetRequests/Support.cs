using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>"I need this too": one per person and request, made unique by the database.</summary>
public sealed class Support
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public int UserId { get; set; }

    /// <summary>What they would use it for, in a sentence; public.</summary>
    public string? Use { get; set; }

    /// <summary>The supporter's sector when they supported, for the sector mix.</summary>
    public Sector? Sector { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A word of an open request's title, for finding similar requests without a full-text engine.</summary>
public sealed class RequestTitleTerm
{
    public int RequestId { get; set; }
    public string Term { get; set; } = "";
}

/// <summary>A request being written: the answers so far, kept between the question pages.</summary>
public sealed class RequestDraft
{
    public int UserId { get; set; }
    public string Answers { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; }
}
