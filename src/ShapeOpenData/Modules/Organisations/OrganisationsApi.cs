using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;

namespace ShapeOpenData.Modules.Organisations;

/// <summary><c>/api/v1/organisations</c>: every organisation, and one by its slug.</summary>
public static class OrganisationsApi
{
    public sealed record OrganisationResponse(
        string Slug, string Name, string? Abbreviation, string Kind, string? Parent, string? Website, string? FoiContact);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("ListOrganisations").WithSummary("Organisations");
        group.MapGet("{slug}", ShowAsync).WithName("GetOrganisation").WithSummary("One organisation");
    }

    private static async Task<Results<Ok<Paged<OrganisationResponse>>, ValidationProblem>> ListAsync(
        AppDbContext db,
        [Description("Only this kind: ministerial_department, non_ministerial_department, public_body, local_authority or other.")] string? kind,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid)
        {
            return invalid;
        }
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrEmpty(kind))
        {
            if (!Codes.TryParse<OrganisationKind>(kind, out var parsed))
            {
                return ApiModule.Invalid("kind", $"Use one of {string.Join(", ", Codes.All<OrganisationKind>().Select(k => k.ToCode()))}");
            }
            query = query.Where(o => o.Kind == parsed);
        }
        return TypedResults.Ok(await Paging.PageAsync(query.OrderBy(o => o.Name).Select(Project), page, pageSize, cancellationToken));
    }

    private static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> ShowAsync(
        [Description("The organisation's slug, like department-for-transport.")] string slug, AppDbContext db, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Slug == slug).Select(Project).SingleOrDefaultAsync(cancellationToken);
        return organisation is null ? ApiModule.NotFound($"There is no organisation '{slug}'") : TypedResults.Ok(organisation);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Organisation, OrganisationResponse>> Project = o =>
        new OrganisationResponse(o.Slug, o.Name, o.Abbreviation, KindCode(o.Kind), o.Parent == null ? null : o.Parent.Slug, o.Website, o.FoiContact);

    private static string KindCode(OrganisationKind kind) => kind.ToCode();
}
