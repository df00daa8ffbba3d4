namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// The words of the demo's answered consultation, draft guidance on dates and times in open data: its summary, both
/// versions of its document, survey, statements and outcome. Two opinion groups are planted in the votes: people who build
/// on the data and want one strict format (0), and publishers who write for readers of spreadsheets (1).
/// </summary>
internal static class DemoDatesGuidance
{
    public const string Slug = "dates-and-times-in-open-data";
    public const string Title = "Publishing dates and times in open data: draft guidance";

    public const string Summary = """
        Dates and times are in almost every dataset government publishes, written in dozens of different ways. People who use the data tell us they spend hours cleaning them up, and that spreadsheets quietly change them.

        We asked publishers and data users whether this draft guidance would fix that: which formats to use for dates, times and periods, and how to describe them.
        """;

    public static readonly IReadOnlyList<(string Heading, string Body)> FirstVersion =
    [
        ("Why this guidance", Why),
        ("Writing dates", """
            In files meant for other programs to read, write dates as `YYYY-MM-DD`, for example `2026-03-31`.

            In files meant mainly for people to read, such as spreadsheets for councillors, you may write dates as `DD/MM/YYYY`, for example `31/03/2026`. Say which format you used in the file's description.
            """),
        ("Writing times", """
            Give times in UK local time, using the 24-hour clock: `14:30`, not `2:30pm`.

            Where a time goes with a date, put them in one column: `2026-03-31 14:30`.
            """),
        ("Periods of time", """
            Describe periods in words in a column of their own, for example "April 2025 to March 2026", or "week ending 6 April 2026".
            """),
    ];

    public static readonly IReadOnlyList<(string Heading, string Body)> SecondVersion =
    [
        ("Why this guidance", Why),
        ("Writing dates", """
            Write every date as `YYYY-MM-DD`, for example `2026-03-31`, whoever the file is for. One format means nobody has to guess whether `03/04/2026` is in March or April.
            """),
        ("Writing times", """
            Write times with the 24-hour clock and their offset from UTC, for example `2026-03-31T14:30:00+01:00`.

            UK local time alone is not enough: when the clocks go back in October, the hour from 1am to 2am happens twice, and a time without its offset can be read two ways.
            """),
        ("Periods of time", """
            Give a period as two columns, its first and last day, for example `period_start` `2025-04-01` and `period_end` `2026-03-31`.

            Write financial years as `2025-26` when you also need a label people can read.
            """),
        ("Stopping spreadsheets changing your dates", """
            Spreadsheet programs change dates they recognise into their own format when a file is opened and saved again.

            - Check your file in a text editor before publishing it: what you see there is what users get.
            - Publish the CSV you exported, not a copy opened and saved in a spreadsheet.
            - Tell users in the file's description how to import dates as text, with a link to the guide.
            """),
    ];

    public const string SecondVersionNote =
        "Dates are written one way only; times carry their offset from UTC; periods have start and end columns; a new section on spreadsheets.";

    public static readonly IReadOnlyList<QuestionDetails> Questions =
    [
        new("Which date format does your organisation use most in the data it publishes?", QuestionKind.OneChoice, true,
            "YYYY-MM-DD (for example 2026-03-31)\nDD/MM/YYYY (for example 31/03/2026)\nSomething else\nWe do not publish data"),
        new("The draft guidance is clear enough to follow without help.", QuestionKind.Scale, true, null),
        new("What would make the guidance easier to follow?", QuestionKind.FreeText, false, null),
    ];

    /// <summary>The groups: one strict format for people who build on the data (0), readable files for spreadsheet readers (1).</summary>
    public static readonly IReadOnlyList<DemoStatement> Statements =
    [
        new("Guidance should show how to stop spreadsheets changing dates.", "++", "programme"),
        new("A file's description should say which time zone its times are in.", "++", "programme"),
        new("Every date in open data should be written as YYYY-MM-DD.", "+-", "startup"),
        new("Publishers should be free to use DD/MM/YYYY, as most UK readers expect.", "-+", "council"),
        new("Times should always include their offset from UTC.", "+-", "researcher"),
        new("UK local time is clear enough for data used only in the UK.", "-+", "council"),
        new("A period should have separate start and end date columns.", "+-", "tariq.hussain"),
        new("Financial years are clearer written as 2025-26 than as two dates.", "-+", "charity"),
        new("The same rules should apply to every publisher, large or small.", "+-", "grace.liu"),
        new("Changing date formats now would break too many existing reports.", "-+", "resident"),
        new("Dates in file names should use the same format as dates in the data.", "++", "journalist"),
        new("The guidance should come with a free tool that checks files before they are published.", "++", "startup"),
    ];

    public static readonly IReadOnlyDictionary<string, int> Planted = new Dictionary<string, int>
    {
        ["startup"] = 0, ["researcher"] = 0, ["journalist"] = 0, ["grace.liu"] = 0, ["tariq.hussain"] = 0,
        ["council"] = 1, ["charity"] = 1, ["resident"] = 1,
    };

    public static readonly double[] Shares = [0.55, 0.45];

    public const string YouSaid = """
        Data users and publishers agreed on more than we expected. Almost everyone wanted dates written one way, examples of how to stop spreadsheets changing them, and a free tool to check files before they are published.

        Where people differed was on times and on who the files are for. People who build on the data wanted every time to carry its offset from UTC and a single date format; several publishers, particularly councils, felt that `DD/MM/YYYY` and UK local time suit the people who read their spreadsheets. Comments on the draft pointed out that when the clocks go back, one hour of UK local time happens twice, so a time without its offset can be read two ways.
        """;

    public const string WeDid = $"""
        We have published [version 2 of the guidance](/consultations/{Slug}/versions/2). Dates are now written one way only, times carry their offset from UTC, periods have start and end columns, and a new section explains how to keep spreadsheets from changing dates.

        We have not built a checking tool yet. The data standards team will check a sample of newly published files against the guidance each quarter, and report what it finds to the Data Standards Working Group.
        """;

    public static readonly IReadOnlyList<(string Text, bool InSecondVersion)> Changes =
    [
        ("Dates are written one way only, YYYY-MM-DD: the draft's second format for files meant for people is gone.", true),
        ("Times carry their offset from UTC, so the hour repeated when the clocks go back can be told apart.", true),
        ("A period is given as two columns, its first and last day; financial years may also be labelled 2025-26.", true),
        ("A new section shows how to stop spreadsheets changing dates before and after a file is published.", true),
        ("The data standards team checks a sample of new files every quarter and reports to the Data Standards Working Group.", false),
    ];

    private const string Why = """
        Dates and times are in almost every dataset government publishes. When each publisher writes them differently, every user has to clean them up before they can join one dataset to another, and mistakes creep in: a date read as the wrong month, or a time an hour out.

        This guidance applies to data published as CSV or in spreadsheets. It follows ISO 8601, the international standard for dates and times.
        """;
}
