using System.Net;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Updates;

/// <summary>
/// A publisher posts an update with tags; a participant suggests an improvement and comments; the publisher answers;
/// the suggester is emailed and everyone sees the answer on the update.
/// </summary>
[Collection(SharedService.Publishing)]
public sealed class UpdateJourneyTests(ServiceFactory service)
{
    [Fact]
    public async Task AnUpdate_IsPostedWithTags_SuggestedOn_AndTheSuggestionAnsweredInPublic()
    {
        var publisher = await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, name: "Tess Publisher");
        var session = service.NewSession();
        await session.SignInAsync(publisher);
        var title = $"Bus fares {Guid.NewGuid():N}"[..20];

        var form = await session.GetAsync("/updates/new");
        Assert.Equal("department-for-transport", form.Document.QuerySelector("#Form-Organisation option[selected]")?.GetAttribute("value"));
        var posted = await session.SubmitAsync(form, [("Form.Title", title), ("Form.Summary", "Fares are now open data."),
            ("Form.Body", "Fares for **six** operators.<script>alert(1)</script>"), ("Form.Tags", "Open data, Buses, open data"), ("Form.Organisation", "department-for-transport")]);
        Assert.Equal("Your update has been published", posted.Flash);
        var slug = posted.Url.Split('/').Last();
        Assert.StartsWith("bus-fares-", slug, StringComparison.Ordinal);
        Assert.Equal(title, posted.Heading);
        Assert.Equal("six", posted.Document.QuerySelector(".sod-markdown strong")?.TextContent);
        Assert.Null(posted.Document.QuerySelector(".sod-markdown script"));
        Assert.Equal(["buses", "open-data"], posted.Document.QuerySelectorAll(".sod-tags a").Select(a => a.TextContent).Order().ToArray());
        Assert.Equal("/updates/tags/buses", posted.Document.QuerySelector(".sod-tags a[href$='buses']")?.GetAttribute("href"));

        var reader = service.NewSession();
        var suggester = await service.CreatePersonAsync(name: "Sam Suggester");
        await reader.SignInAsync(suggester);
        var page = await reader.GetAsync($"/updates/{slug}");
        var empty = await reader.SubmitAsync(page, [new("Text", "  ")], "form#suggest");
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal("Enter your suggestion", empty.FieldError("Text"));
        var suggested = await reader.SubmitAsync(empty, [new("Text", "Publish fare zones as map boundaries.")], "form#suggest");
        Assert.Equal("Thank you. Your suggestion has been published, and we will email you when it is answered", suggested.Flash);
        Assert.Contains("Not answered yet", suggested.Document.QuerySelector(".sod-suggestion")!.TextContent, StringComparison.Ordinal);
        var told = await service.Mail.WaitForAsync(publisher.Email, $"New suggestion on: {title}");
        Assert.Contains("Publish fare zones as map boundaries.", told.TextBody, StringComparison.Ordinal);
        var commented = await reader.SubmitAsync(suggested, [new("Body", "Will concessions be included?")], "form[action='/comments/new']");
        Assert.Contains("Will concessions be included?", commented.Text, StringComparison.Ordinal);

        var id = await service.WithDatabaseAsync(db => db.Suggestions.Where(s => s.AuthorId == suggester.Id).Select(s => s.Id).SingleAsync());
        var answerForm = await session.GetAsync($"/updates/{slug}/suggestions/{id}");
        var noReason = await session.SubmitAsync(answerForm, [("Answer", "not_adopted"), ("Reason", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal("Say why the suggestion is not adopted", noReason.FieldError("Reason"));
        var noAnswer = await session.SubmitAsync(noReason, [("Reason", "Because.")]);
        Assert.Equal("Select noted, adopted or not adopted", noAnswer.FieldError("Answer"));
        var answered = await session.SubmitAsync(noAnswer, [("Answer", "adopted"), ("Reason", "Zones will be published as GeoJSON.")]);
        Assert.Equal("The suggestion has been answered: adopted", answered.Flash);

        var email = await service.Mail.WaitForAsync(suggester.Email, $"Your suggestion has been answered: {title}");
        Assert.Contains("The suggestion has been adopted", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Zones will be published as GeoJSON.", email.TextBody, StringComparison.Ordinal);
        await service.DrainOutboxAsync();
        Assert.DoesNotContain(service.Mail.To(publisher.Email), m => (m.Subject ?? "").Contains("answered", StringComparison.Ordinal));
        Assert.Single(service.Mail.To(suggester.Email), m => (m.Subject ?? "").Contains("answered", StringComparison.Ordinal));

        var seen = await service.NewSession().GetAsync($"/updates/{slug}");
        var shown = seen.Document.QuerySelector($"#suggestion-{id}")!.TextContent;
        Assert.Contains("Adopted", shown, StringComparison.Ordinal);
        Assert.Contains("by Tess Publisher", shown, StringComparison.Ordinal);
        Assert.Contains("Zones will be published as GeoJSON.", shown, StringComparison.Ordinal);
        Assert.Contains("Sign in to suggest an improvement", seen.Text, StringComparison.Ordinal);

        var trail = await service.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.EntityType == ItemTypes.Suggestion && a.EntityId == id)
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["suggested", "answered"], trail);
    }

    [Fact]
    public async Task OnlyTheProgrammeTeamAndTheOrganisationsPublishers_PostChangeAndAnswer()
    {
        var (update, _) = await service.PostUpdateAsync();
        var (suggestion, _) = await service.SuggestAsync(update);
        var elsewhere = service.NewSession();
        await elsewhere.SignInAsync(await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true));
        var participant = service.NewSession();
        await participant.SignInAsync(await service.CreatePersonAsync());
        var team = service.NewSession();
        await team.SignInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));

        foreach (var path in new[] { $"/updates/{update.Slug}/edit", $"/updates/{update.Slug}/suggestions/{suggestion.Id}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync(path)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync(path)).Status);
            Assert.Equal(HttpStatusCode.OK, (await team.GetAsync(path)).Status);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync("/updates/new")).Status);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/updates/new")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync("/updates/no-such-update")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync($"/updates/{update.Slug}/suggestions/{suggestion.Id + 100000}")).Status);
        Assert.StartsWith("/account/sign-in", (await service.NewSession().GetAsync($"/updates/{update.Slug}/edit")).Url, StringComparison.Ordinal);

        // A publisher of another organisation may post, but only for their own.
        var mine = await elsewhere.SubmitAsync(await elsewhere.GetAsync("/updates/new"), [("Form.Title", "Not mine"), ("Form.Summary", "S."), ("Form.Body", "B."),
            ("Form.Organisation", "department-for-transport")]);
        Assert.Equal(HttpStatusCode.Forbidden, mine.Status);

        var changed = await team.SubmitAsync(await team.GetAsync($"/updates/{update.Slug}/edit"), [("Form.Title", "A better title"), ("Form.Summary", "S."),
            ("Form.Body", "B."), ("Form.Tags", "roads"), ("Form.Organisation", "department-for-transport")]);
        Assert.Equal("The update has been changed", changed.Flash);
        Assert.Equal($"/updates/{update.Slug}", changed.Url);
        Assert.Equal("A better title", changed.Heading);
    }

    [Fact]
    public async Task ABadUpdate_IsShownAgainWithEveryError()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        var bad = await session.SubmitAsync(await session.GetAsync("/updates/new"), [("Form.Title", new string('t', 151)), ("Form.Summary", ""), ("Form.Body", ""),
            ("Form.Tags", string.Join(',', Enumerable.Range(1, 11).Select(i => $"tag{i}"))), ("Form.Organisation", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("The title must be 150 characters or fewer", bad.FieldError("Form-Title"));
        Assert.Equal("Enter a summary of the update", bad.FieldError("Form-Summary"));
        Assert.Equal("Enter the update", bad.FieldError("Form-Body"));
        Assert.Equal("Give 10 tags or fewer", bad.FieldError("Form-Tags"));
        Assert.Equal("Select the organisation the update is from", bad.FieldError("Form-Organisation"));
        Assert.Equal(5, bad.Errors.Count);
    }
}
