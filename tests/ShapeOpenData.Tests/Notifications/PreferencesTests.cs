using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Notifications;

namespace ShapeOpenData.Tests.Notifications;

/// <summary>The page where a person chooses, for each kind of thing, how they hear about it; and the switch that stops all email.</summary>
[Collection(SharedService.Publishing)]
public sealed class PreferencesTests(ServiceFactory service)
{
    /// <summary>Every kind answered, as the page's radios are: the recommended choice unless <paramref name="chosen"/> says otherwise.</summary>
    public static (string, string)[] Answers(params (string Kind, string Choice)[] chosen) =>
        [.. NotificationKinds.All.Select(k => ($"Choices[{k.Code}]", chosen.FirstOrDefault(c => c.Kind == k.Code).Choice ?? "recommended"))];

    private static string? Checked(WebPage page, string kind) =>
        page.Document.QuerySelector($"input[name='Choices[{kind}]']:checked")?.GetAttribute("value");

    [Fact]
    public async Task EachKind_StartsAtTheRecommendedChoice_AndKeepsWhatThePersonSaves()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);

        var page = await session.GetAsync("/account/notifications");
        Assert.Equal("Email from this service", page.Heading);
        Assert.Equal(
            ["Dataset requests", "Problems reported with data", "Consultations", "Working groups and meetings", "Commitments", "Policy updates"],
            page.Document.QuerySelectorAll("main form fieldset legend").Select(l => l.TextContent.Trim()));
        Assert.All(NotificationKinds.All, k => Assert.Equal("recommended", Checked(page, k.Code)));
        Assert.Contains("Digests come at 7am UK time", page.Text, StringComparison.Ordinal);

        var saved = await session.SubmitAsync(page, Answers(("updates", "weekly"), ("consultations", "off")));
        Assert.Equal("Your choices are saved", saved.Flash);
        Assert.Equal("weekly", Checked(saved, "updates"));
        Assert.Equal("off", Checked(saved, "consultations"));
        Assert.Equal("recommended", Checked(saved, "requests"));
        var choices = await service.WithServicesAsync(s => s.GetRequiredService<Preferences>().ChoicesAsync(person.Id, CancellationToken.None));
        Assert.Equal((Choice.Weekly, Choice.Off, Choice.Recommended), (choices["updates"], choices["consultations"], choices["requests"]));
    }

    [Fact]
    public async Task AnUnansweredOrUnknownChoice_IsRefusedWithAMessage_KeepsTheOtherAnswers_AndSavesNothing()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);
        var page = await session.GetAsync("/account/notifications");

        var refused = await session.SubmitAsync(page, [new("Choices[updates]", "hourly"), new("Choices[requests]", "weekly")]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Select how you want to hear about policy updates", refused.Errors.Select(e => e.Message));
        Assert.Contains("Select how you want to hear about consultations", refused.Errors.Select(e => e.Message));
        Assert.Equal("weekly", Checked(refused, "requests")); // What they did answer is kept on the page.
        Assert.Null(Checked(refused, "updates"));
        Assert.False(await service.WithDatabaseAsync(db => db.NotificationPreferences.AnyAsync(p => p.UserId == person.Id)));
    }

    [Fact]
    public async Task StopAllEmail_IsOneSwitch_ThatThePageTurnsBackOn()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);

        var stopped = await session.SubmitAsync(await session.GetAsync("/account/notifications"), selector: "form[action$='handler=Email']");
        Assert.Equal("We will not email you any more", stopped.Flash);
        Assert.Contains("You have stopped all email", stopped.Text, StringComparison.Ordinal);
        Assert.True(await service.WithServicesAsync(s => s.GetRequiredService<Preferences>().EmailOffAsync(person.Id, CancellationToken.None)));

        var back = await session.SubmitAsync(stopped, selector: "form[action$='handler=Email']");
        Assert.Equal("We will email you again, as you chose below", back.Flash);
        Assert.False(await service.WithServicesAsync(s => s.GetRequiredService<Preferences>().EmailOffAsync(person.Id, CancellationToken.None)));
    }
}
