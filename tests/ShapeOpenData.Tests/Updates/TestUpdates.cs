using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Updates;
using ShapeOpenData.Tests.Commitments;

namespace ShapeOpenData.Tests.Updates;

/// <summary>Updates made the way they are made for real, through the workflow, by a publisher of the organisation.</summary>
public static class TestUpdates
{
    /// <summary>An update of <paramref name="organisation"/> with a title (and so an address) no other test uses, posted by one of its publishers.</summary>
    public static async Task<(PolicyUpdate Update, Person Publisher)> PostUpdateAsync(
        this ServiceFactory service, string organisation = "department-for-transport", params string[] tags)
    {
        var publisher = await service.CreatePersonAsync(Roles.Publisher, organisation, twoFactor: true);
        var organisationId = await service.OrganisationIdAsync(organisation);
        var update = await service.WithServicesAsync(async s => await s.GetRequiredService<UpdateWorkflow>().PostAsync(
            new UpdateDetails($"Update {Guid.NewGuid():N}"[..19], "What is changing.", "We are changing **this**.", organisationId, tags),
            await service.PrincipalAsync(publisher)));
        return (update, publisher);
    }

    /// <summary>A suggestion on <paramref name="update"/> by a new participant.</summary>
    public static async Task<(Suggestion Suggestion, Person Author)> SuggestAsync(this ServiceFactory service, PolicyUpdate update, string text = "Publish it as CSV too.")
    {
        var author = await service.CreatePersonAsync(name: "Sol Suggester");
        var suggestion = await service.WithServicesAsync(async s =>
            await s.GetRequiredService<UpdateWorkflow>().SuggestAsync(update.Slug, text, await service.PrincipalAsync(author)));
        return (suggestion, author);
    }
}
