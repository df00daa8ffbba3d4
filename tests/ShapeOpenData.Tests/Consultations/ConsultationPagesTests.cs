using System.Net;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Groups;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>Drafting, opening, commenting on and closing a consultation through its pages, as the people who do it.</summary>
public sealed class ConsultationPagesTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    [Fact]
    public async Task TeamDraftsAndOpens_OnlyTheyWhileDraft_FollowersToldOfOpenAndClose()
    {
        var team = service.NewSession();
        await team.SignInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        var form = await team.GetAsync("/consultations/new");
        var empty = await team.SubmitAsync(form, ("Form.ClosesOn.Day", ""), ("Form.ClosesOn.Month", ""), ("Form.ClosesOn.Year", ""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("Enter the consultation's title", empty.Errors.Select(e => e.Message));
        Assert.Contains("Select the organisation that owns the consultation", empty.Errors.Select(e => e.Message));

        var slug = $"ethics-{Guid.NewGuid():N}"[..15];
        var closes = DateOnly.FromDateTime(service.UtcNow()).AddDays(20);
        var manage = await team.SubmitAsync(form, ("Form.Title", "A draft data ethics framework"), ("Form.Slug", slug),
            ("Form.Summary", "We ask how public bodies should **use data** ethically."), ("Form.Organisation", TestConsultations.Owner),
            ("Form.ClosesOn.Day", $"{closes.Day}"), ("Form.ClosesOn.Month", $"{closes.Month}"), ("Form.ClosesOn.Year", $"{closes.Year}"), ("Form.Statements", "shown"));
        Assert.Equal($"/consultations/{slug}/manage", manage.Url);

        var noSections = await team.SubmitAsync(manage, [], "form[action*=Open]");
        Assert.Contains("Add at least one section to the document before opening it", noSections.Errors.Select(e => e.Message));
        var added = await team.SubmitAsync(await team.GetAsync($"/consultations/{slug}/sections/new"),
            ("Heading", "Transparency"), ("Body", "Be open about how data is used, and **publish** what you do."));
        Assert.Equal("The section has been added", added.Flash);

        var stranger = service.NewSession();
        var reader = await service.HearingAtOnceAsync(await service.CreatePersonAsync());
        await stranger.SignInAsync(reader);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/consultations/{slug}")).Status);
        Assert.DoesNotContain("A draft data ethics framework", (await stranger.GetAsync("/consultations")).Text, StringComparison.Ordinal);

        var opened = await team.SubmitAsync(await team.GetAsync($"/consultations/{slug}/manage"), [], "form[action*=Open]");
        Assert.Equal($"/consultations/{slug}", opened.Url);
        Assert.Equal("Open", opened.Document.QuerySelector("main .govuk-tag")!.TextContent);
        Assert.Contains("Be open about how data is used, and publish what you do.", opened.Text, StringComparison.Ordinal);

        var page = await stranger.GetAsync($"/consultations/{slug}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        await stranger.SubmitAsync(page, [], "form#follow");
        Assert.Contains("A draft data ethics framework", (await stranger.GetAsync("/consultations")).Document.QuerySelector("#open + ul")!.TextContent, StringComparison.Ordinal);

        var closed = await team.SubmitAsync(await team.GetAsync($"/consultations/{slug}/manage"), [], "form[action*=Close]");
        Assert.Equal("The consultation has closed. Publish its outcome when you are ready", closed.Flash);
        var told = await service.Mail.WaitForAsync(reader.Email, "Consultation closed: A draft data ethics framework");
        Assert.Contains($"/consultations/{slug}", told.TextBody, StringComparison.Ordinal);
        var audit = await service.AuditTrailAsync(ItemTypes.Consultation, (await service.WithDatabaseAsync(db => Task.FromResult(db.Consultations.Single(c => c.Slug == slug).Id))));
        Assert.Equal(["drafted", "section_added", "opened", "closed"], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task CommentOnASection_QuotingAPassage_TheQuoteMustBeInTheSection_EarlierCommentersAreTold()
    {
        var (consultation, _) = await service.CreateConsultationAsync();
        var session = service.NewSession();
        var quoter = await service.HearingAtOnceAsync(await service.CreatePersonAsync(name: "Quinn Quoter"));
        await session.SignInAsync(quoter);
        var section = await session.GetAsync($"/consultations/{consultation.Slug}/versions/1/sections/2");
        Assert.Equal("What we propose", section.Heading);

        var wrong = await session.SubmitAsync(section, [new("Quote", "within 7 days"), new("Body", "Too slow.")], "form[action='/comments/new']");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("The passage you quote must be in the section's text: copy it from the page, or leave it empty", wrong.Errors.Select(e => e.Message));

        var posted = await session.SubmitAsync(section, [new("Quote", "within 28  days"), new("Body", "28 days is too slow for disruptions.")], "form[action='/comments/new']");
        Assert.Equal($"/consultations/{consultation.Slug}/versions/1/sections/2", posted.Url.Split('#')[0]);
        var comment = posted.Document.QuerySelector(".sod-comment")!;
        Assert.Equal("within 28 days", comment.QuerySelector("blockquote")!.TextContent.Trim());
        Assert.Contains("28 days is too slow for disruptions.", comment.TextContent, StringComparison.Ordinal);
        Assert.Contains("(1)", (await session.GetAsync($"/consultations/{consultation.Slug}")).Document.QuerySelector("a[href$='/sections/2']")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // Someone else comments on the same section, without quoting.
        var other = service.NewSession();
        await other.SignInAsync(await service.CreatePersonAsync(name: "Oona Other"));
        var second = await other.SubmitAsync(await other.GetAsync($"/consultations/{consultation.Slug}/versions/1/sections/2"), [new("Quote", ""), new("Body", "I agree with Quinn.")], "form[action='/comments/new']");
        Assert.Equal(2, second.Document.QuerySelectorAll(".sod-comment").Length);
        var told = await service.Mail.WaitForAsync(quoter.Email, "New comment: What we propose");
        Assert.Contains("I agree with Quinn.", told.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtTheEndOfItsClosingDay_ItClosesItself_AndRefusesComments()
    {
        var (consultation, _) = await service.CreateConsultationAsync();
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);
        var section = await session.GetAsync($"/consultations/{consultation.Slug}/versions/1/sections/1");
        Assert.NotNull(section.Document.QuerySelector("form[action='/comments/new']"));

        service.Clock.Advance(TimeSpan.FromDays(31));
        await session.SignInAsync(person);
        var after = await session.GetAsync($"/consultations/{consultation.Slug}/versions/1/sections/1");
        Assert.Null(after.Document.QuerySelector("form[action='/comments/new']"));
        Assert.Contains("The consultation has closed: comments are no longer taken.", after.Text, StringComparison.Ordinal);
        var posted = await session.SubmitAsync(section, [new("Body", "Late")], "form[action='/comments/new']");
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);

        // The watch closes it within a minute; here it is asked at once.
        await service.WithServicesAsync(s => s.GetRequiredService<ShapeOpenData.Modules.Consultations.ConsultationWorkflow>().CloseDueAsync());
        var closed = await session.GetAsync($"/consultations/{consultation.Slug}");
        Assert.Equal("Closed", closed.Document.QuerySelector("main .govuk-tag")!.TextContent);
        // Closed at midnight at the end of its closing day, which is the day it is said to have closed.
        var closedOn = closed.Document.QuerySelectorAll("main dt").Single(dt => dt.TextContent == "Closed").NextElementSibling!.TextContent;
        Assert.Equal(consultation.ClosesOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), closedOn);
    }
}
