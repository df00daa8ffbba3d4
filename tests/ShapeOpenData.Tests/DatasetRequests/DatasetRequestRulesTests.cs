using System.Text.Json;
using ShapeOpenData.Modules.Jurisdiction;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.DatasetRequests;

/// <summary>The request's own rules: every transition, legal and illegal, and how the clock moves.</summary>
public sealed class DatasetRequestRulesTests
{
    private static readonly WorkingDayCalendar Calendar = new(LoadHolidays());
    private static readonly DateTime Now = new(2026, 12, 18, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Received = new(2026, 12, 18);

    private static readonly LegalRegime Foi = LegalRegime.Define("foi", "Freedom of Information Act 2000", "FOI", true, 20, DeadlineUnit.WorkingDays,
        20, "Up to 20 more working days for the public interest test.", "Internal review, then the Information Commissioner.",
        new RegimeGuide("Recorded information.", "A breach of the Act."), 1);

    private static readonly LegalRegime Rpsi = LegalRegime.Define("rpsi", "Re-use of Public Sector Information Regulations 2015", "RPSI", true, 20,
        DeadlineUnit.WorkingDays, null, "A reasonable time.", "The Information Commissioner.",
        new RegimeGuide("Re-use of published information.", "No permission."), 3);

    private static DatasetRequest NewRequest(LegalRegime? regime = null, DateOnly? received = null) => DatasetRequest.Submit(
        new NewRequest("Bus punctuality", "Every route.", 1, [Theme.Transport], IntendedUse.Business, null, [], false, 7, ReceivedVia.Service, received ?? Received),
        regime ?? Foi, Calendar, 7, Now);

    private static DatasetRequest InProgress()
    {
        var request = NewRequest();
        request.Review(1, null, Now);
        request.Assign(1, null, "Department for Transport", 1, null, Now);
        request.Start(1, null, Now);
        return request;
    }

    [Fact]
    public void Submit_SetsTheRegimeDeadlineFromTheDayOfReceipt()
    {
        var request = NewRequest();

        Assert.Equal(RequestState.Submitted, request.State);
        Assert.Equal(new DateOnly(2027, 1, 21), request.DueOn);
        Assert.Equal(RequestEventKind.Submitted, request.Events.Single().Kind);
        Assert.Equal("bus punctuality", request.NormalizedTitle);
    }

    [Fact]
    public void TheUsualPath_MovesThroughEachState()
    {
        var request = NewRequest();
        request.Review(1, null, Now);
        Assert.Equal(RequestState.UnderReview, request.State);
        request.Assign(3, 9, "Home Office", 1, "Over to you", Now);
        Assert.Equal((RequestState.Assigned, 3, 9), (request.State, request.OrganisationId, request.AssignedPublisherId));
        request.Start(9, null, Now);
        Assert.Equal(RequestState.InProgress, request.State);
        Assert.Equal(4, request.Events.Count);
        Assert.Equal(3, request.Version);
    }

    [Fact]
    public void IllegalTransitions_AreRefusedByTheRequest()
    {
        var request = NewRequest();
        Assert.Throws<RuleException>(() => request.Start(1, null, Now));
        Assert.Throws<RuleException>(() => request.ReceiveClarification("x", Calendar, Received, 7, Now));
        Assert.Throws<RuleException>(() => request.Reopen("x", Foi, Calendar, Received, 1, Now));
        request.Review(1, null, Now);
        Assert.Throws<RuleException>(() => request.Review(1, null, Now));
        Assert.Equal(RequestState.UnderReview, request.State);
    }

    [Fact]
    public void AskingAQuestion_PausesTheClockAndTheAnswerResumesItWithTheDaysLeft()
    {
        var request = InProgress();
        var asked = new DateOnly(2027, 1, 7); // 10 working days before the due date, 21 January

        request.AskRequester("Which years?", Calendar, asked, 1, Now);
        Assert.Equal(RequestState.AwaitingRequester, request.State);
        Assert.Equal(10, request.WorkingDaysLeftWhenPaused);
        Assert.False(request.IsOverdue(new DateOnly(2027, 3, 1)));

        var answered = new DateOnly(2027, 2, 1);
        request.ReceiveClarification("2020 to 2025", Calendar, answered, 7, Now);

        Assert.Equal(RequestState.InProgress, request.State);
        Assert.Equal(Calendar.AddWorkingDays(answered, 10), request.DueOn);
        Assert.Equal(new DateOnly(2027, 2, 15), request.DueOn);
    }

    [Fact]
    public void ARequestAlreadyLateWhenPaused_StaysLateAfterTheAnswer()
    {
        var request = InProgress();
        request.AskRequester("Which years?", Calendar, new DateOnly(2027, 2, 1), 1, Now);
        request.ReceiveClarification("All of them", Calendar, new DateOnly(2027, 2, 8), 7, Now);

        Assert.Equal(new DateOnly(2027, 1, 21), request.DueOn);
        Assert.True(request.IsOverdue(new DateOnly(2027, 2, 8)));
    }

    [Fact]
    public void Extending_MovesTheDueDateByWorkingDaysWithinTheLimit()
    {
        var request = InProgress();

        request.Extend(15, "Public interest test", Foi, Calendar, 1, Now);
        Assert.Equal(Calendar.AddWorkingDays(new DateOnly(2027, 1, 21), 15), request.DueOn);
        Assert.Equal(15, request.ExtensionDays);

        var refused = Assert.Throws<RuleException>(() => request.Extend(6, "More", Foi, Calendar, 1, Now));
        Assert.Equal("FOI allows at most 20 more in all; 5 are left", refused.Message);
        request.Extend(5, "The last of it", Foi, Calendar, 1, Now);
        Assert.Equal("The FOI extension limit of 20 has already been used", Assert.Throws<RuleException>(() => request.Extend(1, "x", Foi, Calendar, 1, Now)).Message);
        Assert.Equal(Calendar.AddWorkingDays(new DateOnly(2027, 1, 21), 20), request.DueOn);
    }

    [Fact]
    public void ARegimeWithoutAFixedLimit_AllowsAnyExtension()
    {
        var request = NewRequest(Rpsi);
        request.Extend(60, "Reasonable extension, estimated date sent", Rpsi, Calendar, 1, Now);

        Assert.Equal(60, request.ExtensionDays);
    }

    [Theory]
    [InlineData(Outcome.Released, "Give the catalogue dataset, or the https address where the data is published")]
    [InlineData(Outcome.AlreadyAvailable, "Give the catalogue dataset, or the https address where the data is published")]
    [InlineData(Outcome.Scheduled, "Give the date the data is expected, today or later")]
    [InlineData(Outcome.Refused, "Give the reason for refusing")]
    [InlineData(Outcome.Duplicate, "Give the other request this one duplicates")]
    public void Closing_NeedsWhatEachOutcomeRequires(Outcome outcome, string message)
    {
        var request = InProgress();

        var refused = Assert.Throws<RuleException>(() => request.Close(new Closing(outcome), null, Received, 1, Now));

        Assert.Equal(message, refused.Message);
        Assert.True(request.IsOpen);
    }

    [Fact]
    public void Released_NeedsAnHttpsAddress()
    {
        var request = InProgress();
        Assert.Equal("url", Assert.Throws<FieldRuleException>(() => request.Close(new Closing(Outcome.Released, new Uri("http://data.example/x")), null, Received, 1, Now)).Field);
        // Whatever the outcome, an address given is shown as a link: never one that runs script.
        Assert.Equal("url", Assert.Throws<FieldRuleException>(() => request.Close(
            new Closing(Outcome.NotHeld, new Uri("javascript:alert(1)")), null, Received, 1, Now)).Field);
        request.Close(new Closing(Outcome.Released, new Uri("https://data.example/x")), null, Received, 1, Now);
        Assert.Equal("https://data.example/x", request.OutcomeUrl);
    }

    [Fact]
    public void Refusing_KeepsTheReasonExplanationAndTheRegimesComplaintRoute()
    {
        var request = InProgress();
        Assert.Throws<RuleException>(() => request.Close(new Closing(Outcome.Refused, RefusalReason: RefusalReason.CostLimit), Foi.ComplaintRoute, Received, 1, Now));

        request.Close(new Closing(Outcome.Refused, RefusalReason: RefusalReason.CostLimit, Explanation: "Over the cost limit."), Foi.ComplaintRoute, Received, 1, Now);

        Assert.Equal((RequestState.Closed, Outcome.Refused, RefusalReason.CostLimit), (request.State, request.Outcome, request.RefusalReason));
        Assert.Equal(Foi.ComplaintRoute, request.ComplaintRoute);
    }

    [Fact]
    public void ClosingTwice_IsAnError_AndReopeningClearsTheOutcomeAndRestartsTheClock()
    {
        var request = InProgress();
        request.Close(new Closing(Outcome.NotHeld, Explanation: "Not collected."), null, Received, 1, Now);
        Assert.Equal("This request is already closed",
            Assert.Throws<RuleException>(() => request.Close(new Closing(Outcome.NotHeld), null, Received, 1, Now)).Message);

        var reopenedOn = new DateOnly(2027, 3, 1);
        request.Reopen("Found it after all", Foi, Calendar, reopenedOn, 1, Now);

        Assert.Equal(RequestState.InProgress, request.State);
        Assert.Null(request.Outcome);
        Assert.Null(request.OutcomeExplanation);
        Assert.Null(request.ClosedAt);
        Assert.Equal(Foi.DueOn(Calendar, reopenedOn), request.DueOn);
        Assert.Equal(RequestEventKind.Reopened, request.Events[^1].Kind);
    }

    [Fact]
    public void AScheduledDateThatPassed_IsNoticed()
    {
        var request = InProgress();
        request.Close(new Closing(Outcome.Scheduled, ExpectedOn: new DateOnly(2027, 2, 1)), null, Received, 1, Now);

        Assert.False(request.ScheduledDatePassed(new DateOnly(2027, 2, 1)));
        Assert.True(request.ScheduledDatePassed(new DateOnly(2027, 2, 2)));
    }

    [Fact]
    public void OverdueMeansOpenRunningAndPastItsDate()
    {
        var request = NewRequest();
        Assert.False(request.IsOverdue(new DateOnly(2027, 1, 21)));
        Assert.True(request.IsOverdue(new DateOnly(2027, 1, 22)));
        request.Close(new Closing(Outcome.NotADataRequest), null, Received, 1, Now);
        Assert.False(request.IsOverdue(new DateOnly(2027, 1, 22)));
    }

    private static HashSet<DateOnly> LoadHolidays()
    {
        using var stream = typeof(Program).Assembly.GetManifestResourceStream("ShapeOpenData.Modules.Jurisdiction.uk-bank-holidays.seed.json")!;
        using var json = JsonDocument.Parse(stream);
        return [.. json.RootElement.EnumerateObject().SelectMany(d => d.Value.GetProperty("events").EnumerateArray())
            .Select(e => DateOnly.Parse(e.GetProperty("date").GetString()!))];
    }
}
