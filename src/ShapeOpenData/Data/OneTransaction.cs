namespace ShapeOpenData.Data;

public static class OneTransaction
{
    /// <summary>
    /// Runs a change that saves more than once (the entity first, for the id its audit entry and emails name) in
    /// one transaction: all of it is kept, or none. Inside a transaction already, it simply joins it.
    /// </summary>
    public static async Task<T> InOneTransactionAsync<T>(this AppDbContext db, Func<Task<T>> change, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await change();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await change();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
