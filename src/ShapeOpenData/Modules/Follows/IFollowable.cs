namespace ShapeOpenData.Modules.Follows;

/// <summary>A kind of item people can follow; its module says what an item is called and where it lives.</summary>
public interface IFollowable
{
    /// <summary>The code used in follows and links, like <c>request</c>.</summary>
    string Type { get; }

    Task<(string Title, string Url)?> DescribeAsync(int id, CancellationToken cancellationToken);
}
