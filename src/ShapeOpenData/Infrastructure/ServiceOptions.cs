namespace ShapeOpenData.Infrastructure;

/// <summary>What the service is called and where it lives (<c>Service:*</c>).</summary>
public sealed class ServiceOptions
{
    public string Name { get; set; } = "Shape open data";

    /// <summary>Where the phase banner's feedback link goes.</summary>
    public string FeedbackUrl { get; set; } = "mailto:feedback@shape-open-data.example";

    /// <summary>
    /// The address people reach the service at, like <c>https://shape-open-data.example.gov.uk</c>: every link in email,
    /// feeds and linked data is made from it, and only requests for its host are answered (unless <c>AllowedHosts</c>
    /// says otherwise). Required outside Development and Testing (see <see cref="PublicAddress"/>).
    /// </summary>
    public string? PublicUrl { get; set; }
}

/// <summary>An item in the service navigation; each module registers its own.</summary>
/// <param name="Text">What the link says.</param>
/// <param name="Href">Where it goes; also the path prefix that marks it as current.</param>
/// <param name="Order">Left to right.</param>
/// <param name="IsVisibleTo">Who sees it; everyone when null.</param>
public sealed record NavigationItem(string Text, string Href, int Order, Func<System.Security.Claims.ClaimsPrincipal, bool>? IsVisibleTo = null);
