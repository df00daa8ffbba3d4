namespace ShapeOpenData.Modules.Consultations;

/// <summary>The two demo consultations, from draft to where each stands today.</summary>
internal sealed partial class DemoConsultations
{
    /// <summary>Open for four weeks now, closing in five: responses, comments and votes still arriving.</summary>
    private async Task EthicsFrameworkAsync()
    {
        Days(-30);
        var consultation = await DraftAsync(DemoEthicsFramework.Slug, DemoEthicsFramework.Title, DemoEthicsFramework.Summary, closesInDays: 35,
            DemoEthicsFramework.Sections, DemoEthicsFramework.Questions);
        Days(-28);
        await _consultations.OpenAsync(consultation.Slug, await AsAsync("programme"), _cancellationToken);
        var statements = await SubmitAsync(consultation.Slug, DemoEthicsFramework.Statements);

        const string Transparency = "Transparency", Accountability = "Accountability", Fairness = "Fairness";
        const string Benefit = "Public benefit and user need", Quality = "The quality and limitations of the data";
        const string Team = "The project team itself", Lead = "The organisation's data ethics lead", Panel = "An independent panel", Depends = "It depends on how risky the project is";
        (string Person, Consent Consent, string[] Answers)[] responses =
        [
            ("startup", Consent.WithName, ["A fast track for low-risk projects, so that small teams are not put off using data at all.", Team, $"{Transparency}|{Benefit}", "4"]),
            ("charity", Consent.WithoutName, ["How people who are not online will find out their data is being used, and how they can complain.", Panel, $"{Fairness}|{Accountability}", "3"]),
            ("researcher", Consent.WithName, ["Guidance on sharing data with researchers through trusted research environments.", Depends, $"{Quality}|{Fairness}|{Transparency}", "4"]),
            ("journalist", Consent.NotPublished, ["It should say what happens when a department ignores it.", Panel, $"{Transparency}|{Accountability}", "2"]),
            ("council", Consent.WithoutName, ["Examples from local government, and a shorter version for small projects.", Lead, $"{Benefit}|{Quality}", "3"]),
            ("resident", Consent.WithName, ["", Panel, Fairness, "2"]),
            ("supporter01", Consent.WithoutName, ["", Depends, $"{Transparency}|{Quality}", "4"]),
            ("supporter02", Consent.NotPublished, ["Stronger rules on sharing health data.", Panel, $"{Fairness}|{Accountability}", "2"]),
            ("supporter03", Consent.WithName, ["A named person to contact in each organisation.", Lead, Accountability, "3"]),
            ("supporter04", Consent.WithoutName, ["", Team, Benefit, "5"]),
            ("supporter05", Consent.WithoutName, ["Plain-English summaries written with the people affected, not for them.", Depends, $"{Transparency}|{Fairness}", "3"]),
            ("supporter06", Consent.NotPublished, ["", Lead, $"{Quality}|{Benefit}", "4"]),
        ];
        Days(-27);
        foreach (var (person, consent, answers) in responses)
        {
            await RespondAsync(consultation, person, consent, answers);
        }

        Days(-22);
        var quoted = await CommentAsync(consultation, 4, "researcher",
            "This is the most important sentence in the framework, but saying so is not enough. Teams should publish the tests they tried and why they could not be done, so that others can help.",
            quote: "Where a team cannot test whether an algorithm treats groups of people differently, it should say so publicly");
        var transparency = await CommentAsync(consultation, 2, "charity",
            "Many of the people we support are not online. A summary published on a website will not reach them: please say how services will tell people in other ways, such as letters or at the counter.");
        await CommentAsync(consultation, 2, "programme",
            "Thank you: this is a fair point, and one we will look at for the next version. We would like to hear which ways of telling people work best for those you support.", replyTo: transparency.Id);
        await CommentAsync(consultation, 3, "startup",
            "Independent review for high-risk projects is sensible, but who decides what counts as high risk? A short checklist would help small teams and suppliers alike.");
        await CommentAsync(consultation, 5, "council",
            "Scoring each action from 0 to 5 is useful. Please publish a few real self-assessments as examples, including one from local government.");
        await CommentAsync(consultation, 1, "journalist",
            "Does the framework apply to data government already holds, or only to new projects? The section should say.");
        await CommentAsync(consultation, 4, "resident", "I agree with this section. Please keep it in plain English.", replyTo: quoted.Id);

        await VoteAsync(consultation, statements, DemoEthicsFramework.Planted, DemoEthicsFramework.Shares, crowd: 340, typical: 14, days: (-24, -0.5), seed: 2026);
        await GroupAsync(consultation);
    }

    /// <summary>Ran for five weeks and closed two months ago; a second version of the guidance, then its outcome.</summary>
    private async Task DatesGuidanceAsync()
    {
        Days(-112);
        var consultation = await DraftAsync(DemoDatesGuidance.Slug, DemoDatesGuidance.Title, DemoDatesGuidance.Summary, closesInDays: -72,
            DemoDatesGuidance.FirstVersion, DemoDatesGuidance.Questions);
        Days(-108);
        var programme = await AsAsync("programme");
        await _consultations.OpenAsync(consultation.Slug, programme, _cancellationToken);
        var statements = await SubmitAsync(consultation.Slug, DemoDatesGuidance.Statements);

        const string Iso = "YYYY-MM-DD (for example 2026-03-31)", British = "DD/MM/YYYY (for example 31/03/2026)", None = "We do not publish data";
        (string Person, Consent Consent, string[] Answers)[] responses =
        [
            ("startup", Consent.WithName, [None, "4", "A free tool that checks a file and says what to fix."]),
            ("council", Consent.WithName, [British, "3", "Examples for spreadsheets that councillors open in Excel."]),
            ("researcher", Consent.WithoutName, [Iso, "4", "Say what to do with dates before 1900, which spreadsheets cannot hold."]),
            ("resident", Consent.NotPublished, [None, "2", ""]),
            ("charity", Consent.WithoutName, [British, "3", ""]),
        ];
        Days(-104);
        foreach (var (person, consent, answers) in responses)
        {
            await RespondAsync(consultation, person, consent, answers);
        }

        Days(-100);
        await CommentAsync(consultation, 3, "researcher",
            "UK local time is ambiguous once a year: when the clocks go back, 1:30am happens twice. Without the offset from UTC we cannot tell which one a record means.",
            quote: "Give times in UK local time");
        var councillors = await CommentAsync(consultation, 2, "council",
            "Our councillors read these files in spreadsheets and expect 31/03/2026. Two formats would let us keep them happy and still publish for developers.");
        await CommentAsync(consultation, 2, "programme",
            "Thank you. Several people have told us that two formats make it harder to join files from different publishers; we are looking at how to help readers of spreadsheets instead.",
            replyTo: councillors.Id);
        await CommentAsync(consultation, 4, "startup", "Periods written in words are very hard to read in code. Please ask for start and end columns.");

        await VoteAsync(consultation, statements, DemoDatesGuidance.Planted, DemoDatesGuidance.Shares, crowd: 90, typical: 9, days: (-104, -74), seed: 2025);

        // It closed at the end of its closing day, and the watch recorded it the next morning.
        _clock.Now = new DateTimeOffset(consultation.ClosesAt.AddHours(9), TimeSpan.Zero);
        await _consultations.CloseDueAsync(_cancellationToken);
        await GroupAsync(consultation);
        Days(-60);
        var version = await _consultations.PublishVersionAsync(consultation.Slug, DemoDatesGuidance.SecondVersion, DemoDatesGuidance.SecondVersionNote, programme, _cancellationToken);
        Days(-55);
        await _consultations.PublishOutcomeAsync(consultation.Slug, DemoDatesGuidance.YouSaid, DemoDatesGuidance.WeDid,
            [.. DemoDatesGuidance.Changes.Select(c => (c.Text, c.InSecondVersion ? (int?)version.Number : null))], programme, _cancellationToken);
    }
}
