namespace ShapeOpenData.Modules.Audit;

/// <summary>
/// Who made the changes in the log. Entries name people only by their id; Accounts, which holds the people, answers
/// for them (Audit comes before Accounts in the foundation, so it asks through this rather than naming accounts).
/// </summary>
public interface IAuditActors
{
    /// <summary>The name to show for each of these people: their display name, or "Former participant" once their account is deleted.</summary>
    Task<IReadOnlyDictionary<int, string>> NamesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>The people with this email address or display name, in any case.</summary>
    Task<IReadOnlyList<int>> FindAsync(string emailOrName, CancellationToken cancellationToken);
}
