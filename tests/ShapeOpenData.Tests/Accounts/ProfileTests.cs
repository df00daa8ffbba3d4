namespace ShapeOpenData.Tests.Accounts;

[Collection(SharedService.People)]
public sealed class ProfileTests(ServiceFactory service)
{
    [Fact]
    public async Task Post_SavesTheProfileShownOnTheAccountPage()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);

        var saved = await session.SubmitAsync(await session.GetAsync("/account/profile"),
            ("DisplayName", "Priya Patel"), ("Sector", "academic"), ("OrganisationName", "University of Leeds"), ("Bio", "I study bus timetables."));

        Assert.Equal("Your profile has been saved", saved.Flash);
        Assert.Contains("Priya Patel", saved.Text, StringComparison.Ordinal);
        Assert.Contains("Academic or research", saved.Text, StringComparison.Ordinal);
        Assert.Contains("University of Leeds", saved.Text, StringComparison.Ordinal);
        Assert.Contains("I study bus timetables.", saved.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithMistakes_KeepsWhatWasTypedAndSaysWhatIsWrong()
    {
        var person = await service.CreatePersonAsync(name: "Original Name");
        var session = service.NewSession();
        await session.SignInAsync(person);

        var page = await session.SubmitAsync(await session.GetAsync("/account/profile"),
            ("DisplayName", ""), ("Sector", "astronaut"), ("Bio", new string('x', 1001)));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(
            [("Enter the name to show with what you post", "DisplayName"), ("Select who you are using data for", "Sector"), ("About you must be 1000 characters or fewer", "Bio")],
            page.Errors);
        Assert.Equal(1001, page.Document.GetElementById("Bio")?.TextContent.Length);
        Assert.Contains("Original Name", (await session.GetAsync("/account")).Text, StringComparison.Ordinal);
    }
}
