using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Organisations;

/// <summary>
/// Freedom of information contacts for the organisations the demo requests go to, so the guide "Your right to data"
/// shows what a filled-in contact looks like. The addresses are on the demo's own reserved domain, never real ones;
/// a contact an administrator has set is kept.
/// </summary>
internal sealed class DemoOrganisations(AppDbContext db) : IDemoContent
{
    /// <summary>The domain of the demo's people too (<c>.example</c> is reserved: mail to it goes nowhere).</summary>
    private const string Domain = "demo.shape-open-data.example";

    private static readonly (string Slug, string Mailbox)[] Contacts =
    [
        ("department-for-transport", "foi.dft"), ("department-for-environment-food-rural-affairs", "foi.defra"), ("cabinet-office", "foi.co"),
        ("department-of-health-and-social-care", "foi.dhsc"), ("department-for-education", "foi.dfe"), ("home-office", "foi.ho"),
    ];

    public int Order => 1;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var (slug, mailbox) in Contacts)
        {
            await db.Organisations.Where(o => o.Slug == slug && o.FoiContact == null)
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.FoiContact, $"{mailbox}@{Domain}"), cancellationToken);
        }
    }
}
