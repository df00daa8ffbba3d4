using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// The answers to "ask for data", as the question pages gather them (kept between pages as a draft) and as
/// the API receives them. Each question has one check, shared by both, with the message a person reads.
/// </summary>
public sealed class RequestAnswers
{
    public const string UnknownHolder = "unknown";
    public const string NotFormal = "none";
    public const int DescriptionMaxLength = DatasetRequest.DescriptionMaxLength;
    public const int BenefitsMaxLength = DatasetRequest.BenefitsMaxLength;

    public string? Title { get; set; }
    public string? Description { get; set; }

    /// <summary>An organisation's slug, or <see cref="UnknownHolder"/>.</summary>
    public string? Holder { get; set; }
    public List<string> Themes { get; set; } = [];
    public string? IntendedUse { get; set; }
    public string? Benefits { get; set; }
    public List<string> Barriers { get; set; } = [];

    /// <summary><see cref="NotFormal"/>, <c>foi</c>, <c>eir</c> or <c>rpsi</c>.</summary>
    public string? Regime { get; set; }
    public bool? Confidential { get; set; }
    public string? ReceivedVia { get; set; }
    public DateOnly? ReceivedOn { get; set; }

    public static readonly IReadOnlyList<string> FormalRegimes = ["foi", "eir", "rpsi"];

    public static string? TitleError(string? title) =>
        string.IsNullOrWhiteSpace(title) ? "Enter a title for your request"
        : title.Trim().Length > DatasetRequest.TitleMaxLength ? $"The title must be {DatasetRequest.TitleMaxLength} characters or fewer"
        : null;

    public static string? DescriptionError(string? description) =>
        string.IsNullOrWhiteSpace(description) ? "Describe the data you need"
        : description.Trim().Length > DescriptionMaxLength ? $"The description must be {DescriptionMaxLength:N0} characters or fewer"
        : null;

    public static string? HolderError(string? holder, IReadOnlyCollection<string> organisationSlugs) =>
        string.IsNullOrEmpty(holder) ? "Select who holds the data, or ‘I do not know’"
        : holder != UnknownHolder && !organisationSlugs.Contains(holder) ? "Select an organisation from the list"
        : null;

    public static string? ThemesError(IReadOnlyCollection<string> themes) =>
        themes.Count == 0 ? "Select at least one theme"
        : themes.Any(t => !Codes.TryParse<Theme>(t, out _)) ? "Select themes from the list"
        : null;

    public static string? IntendedUseError(string? use) =>
        Codes.TryParse<IntendedUse>(use, out _) ? null : "Select what you will use the data for";

    public static string? BenefitsError(string? benefits) =>
        benefits?.Trim().Length > BenefitsMaxLength ? $"The benefits must be {BenefitsMaxLength:N0} characters or fewer" : null;

    public static string? BarriersError(IReadOnlyCollection<string> barriers) =>
        barriers.Any(b => !Codes.TryParse<Barrier>(b, out _)) ? "Select barriers from the list" : null;

    public static string? RegimeError(string? regime) =>
        regime == NotFormal || FormalRegimes.Contains(regime ?? "") ? null : "Select whether this is a formal request, and under which law";

    public static string? ConfidentialError(bool? confidential) =>
        confidential is null ? "Select whether the request should be kept private" : null;

    /// <summary>Only publishers and the programme team record requests that came another way, with their date.</summary>
    public static string? ReceivedError(ClaimsPrincipal user, string? via, DateOnly? on, DateOnly today)
    {
        if (via is null or "service")
        {
            return on is null ? null : DatasetRequestPermissions.CanRecordOnBehalf(user) ? "Say how the request arrived" : "Only publishers and the programme team can record when a request was received";
        }
        if (!DatasetRequestPermissions.CanRecordOnBehalf(user))
        {
            return "Only publishers and the programme team can record requests that arrived another way";
        }
        if (!Codes.TryParse<ReceivedVia>(via, out _))
        {
            return "Select how the request arrived";
        }
        return on is null ? "Enter the date the request was received"
            : on > today ? "The date the request was received must be today or in the past"
            : null;
    }

    /// <summary>The request's own rule, asked first so that the form shows it: see <see cref="DatasetRequest.Submit"/>.</summary>
    public static string? RecordedPrivateHolderError(string? holder, bool? confidential, string? via) =>
        holder == UnknownHolder && confidential == true && via is not (null or "service") ? DatasetRequest.RecordedPrivateNeedsOrganisation : null;

    /// <summary>Every check, keyed by the answer's name; empty when the request can be submitted.</summary>
    public async Task<Dictionary<string, string>> ErrorsAsync(AppDbContext db, ClaimsPrincipal user, DateOnly today, CancellationToken cancellationToken)
    {
        var slugs = await db.Organisations.Select(o => o.Slug).ToListAsync(cancellationToken);
        var errors = new Dictionary<string, string>();
        void Check(string name, string? error)
        {
            if (error is not null) errors[name] = error;
        }
        Check(nameof(Title), TitleError(Title));
        Check(nameof(Description), DescriptionError(Description));
        Check(nameof(Holder), HolderError(Holder, slugs));
        Check(nameof(Themes), ThemesError(Themes));
        Check(nameof(IntendedUse), IntendedUseError(IntendedUse));
        Check(nameof(Benefits), BenefitsError(Benefits));
        Check(nameof(Barriers), BarriersError(Barriers));
        Check(nameof(Regime), RegimeError(Regime));
        Check(nameof(Confidential), ConfidentialError(Confidential));
        Check(nameof(ReceivedOn), ReceivedError(user, ReceivedVia, ReceivedOn, today));
        if (!errors.ContainsKey(nameof(Holder)) && RecordedPrivateHolderError(Holder, Confidential, ReceivedVia) is { } holder)
        {
            errors[nameof(Holder)] = holder;
        }
        return errors;
    }

    /// <summary>The request these answers make; call only when <see cref="ErrorsAsync"/> found nothing.</summary>
    public async Task<(NewRequest Request, string RegimeCode)> ToRequestAsync(AppDbContext db, ClaimsPrincipal user, DateOnly today, CancellationToken cancellationToken)
    {
        int? organisationId = Holder == UnknownHolder ? null
            : await db.Organisations.Where(o => o.Slug == Holder).Select(o => (int?)o.Id).SingleAsync(cancellationToken);
        var via = Codes.TryParse<ReceivedVia>(ReceivedVia, out var parsed) ? parsed : DatasetRequests.ReceivedVia.Service;
        var request = new NewRequest(
            Title!.Trim(), Description!.Trim(), organisationId, [.. Themes.Select(Codes.Parse<Theme>)], Codes.Parse<IntendedUse>(IntendedUse!),
            string.IsNullOrWhiteSpace(Benefits) ? null : Benefits.Trim(), [.. Barriers.Select(Codes.Parse<Barrier>)], Confidential == true,
            via == DatasetRequests.ReceivedVia.Service ? user.UserId() : null, via,
            via == DatasetRequests.ReceivedVia.Service ? today : ReceivedOn!.Value);
        return (request, Regime == NotFormal ? DatasetRequest.ServiceStandard : Regime!);
    }
}
