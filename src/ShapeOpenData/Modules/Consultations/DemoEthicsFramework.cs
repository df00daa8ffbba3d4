namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// The words of the demo's open consultation, a draft data ethics framework: its summary, document, survey and the
/// statements people vote on. Three opinion groups are planted in the votes: people who want data opened up and used
/// (0), people who put privacy and consent first (1), and public servants who would have to make it work (2).
/// </summary>
internal static class DemoEthicsFramework
{
    public const string Slug = "data-ethics-framework";
    public const string Title = "A draft data ethics framework";

    public const string Summary = """
        Public services use data to plan and run services, and more and more to make decisions about people. This draft framework sets out the principles every public sector project that uses data should follow — **transparency, accountability and fairness** — and the five actions that put them into practice.

        We want to hear from everyone who uses government data or is affected by it: data users, public servants, researchers, charities and members of the public. Comment on any section of the draft, answer our four-question survey, and vote on statements to see where you agree and disagree with others. We will publish what we heard and what we changed because of it.
        """;

    public static readonly IReadOnlyList<(string Heading, string Body)> Sections =
    [
        ("About this framework", """
            Public services hold data about almost everyone in the country. Used well, it helps services reach the people who need them, shows where money is wasted, and lets researchers and businesses build things government never could. Used carelessly, it can expose people's private lives, entrench unfairness and wear away the trust that public services depend on.

            This framework is for anyone in the public sector who plans, builds or buys a project that uses data: policy teams, analysts, data scientists, digital teams, and the people who commission work from suppliers. It applies whenever a project:

            - uses personal data, or data that could identify people when combined with other data
            - uses data to make or inform decisions about individuals
            - publishes or shares data outside the organisation that collected it

            It does not replace the law. Teams must still comply with data protection law, the Equality Act 2010 and the public sector equality duty. The framework helps teams go beyond what is legal, to ask what is right.
            """),
        ("Principle 1: Transparency", """
            People have a right to know how government uses data about them and about the places they live.

            Every project covered by this framework should:

            1. **publish a plain-English summary** of what data it uses, where the data comes from and what it is used for, before the project goes live
            2. **explain decisions** that are made or informed by data, in words the person affected can understand, and tell them how to challenge a decision
            3. **publish the assessments** it makes under this framework, removing only what would put people or security at risk
            4. **record the algorithmic tools** it uses in the Algorithmic Transparency Recording Standard

            Transparency is not the same as publishing everything. Some data must stay confidential to protect the people it describes. But the *fact* that data is being used, and the reasons for it, should be public by default.
            """),
        ("Principle 2: Accountability", """
            Someone must be answerable for every use of data, and there must be a way to put things right when they go wrong.

            - Each organisation names a **senior responsible owner** for data ethics, who reports every year on how the framework is followed.
            - Each project names the person accountable for its use of data, and keeps a record of the decisions it makes about data and why.
            - Projects with a high risk of harm are reviewed by people **independent of the project team** before they go live, and again at least once a year.
            - When a supplier builds or runs a system on government's behalf, the contract requires them to follow this framework and to give government what it needs to explain the system's decisions.

            Accountability continues after a project is launched. Teams monitor what their systems actually do, act on complaints and errors, and are ready to stop using a system that causes harm.
            """),
        ("Principle 3: Fairness", """
            Data and algorithms can treat groups of people differently without anyone intending it: because the data describes the past, because some people are missing from it, or because a model has learned patterns that reflect old inequalities.

            Project teams should:

            - check whether the data under-represents or misrepresents any group of people, and say what they found
            - test whether a model's results differ between groups of people, including those protected by the Equality Act 2010, before it is used and regularly afterwards
            - consider who could be harmed if the project gets something wrong, and how badly

            Where a team cannot test whether an algorithm treats groups of people differently, it should say so publicly and explain why it is still right to use it — or not use it.

            Fairness also means that the benefits of data reach everyone: services designed with data must work for people who are not online, too.
            """),
        ("Putting the principles into practice", """
            The principles are applied through five actions, taken at the start of a project and revisited at each stage:

            1. **Define and understand public benefit and user need.** Say who the project is for, what problem it solves and how you will know it has worked.
            2. **Involve diverse expertise.** Bring in people with different skills and backgrounds — including people affected by the project — early enough to change it.
            3. **Comply with the law.** Work with your data protection officer and legal advisers, and complete a data protection impact assessment wherever the law requires one.
            4. **Review the quality and limitations of the data.** Record where the data comes from, how accurate and complete it is, and what it cannot tell you.
            5. **Evaluate and consider wider policy implications.** Think beyond the project: how its data or tools could be reused, what precedent it sets, and how it will affect trust.

            Teams record each action in a short self-assessment, scored from 0 to 5 with notes. The self-assessment is repeated at each stage of the project, and published when the team chooses to or when the project is high risk.
            """),
    ];

    public static readonly IReadOnlyList<QuestionDetails> Questions =
    [
        new("What, if anything, is missing from the framework?", QuestionKind.FreeText, false, null),
        new("Who should check that a project follows the framework?", QuestionKind.OneChoice, true,
            "The project team itself\nThe organisation's data ethics lead\nAn independent panel\nIt depends on how risky the project is"),
        new("Which parts of the framework matter most to you?", QuestionKind.SeveralChoices, false,
            "Transparency\nAccountability\nFairness\nPublic benefit and user need\nThe quality and limitations of the data"),
        new("The framework is clear enough for a project team to use without expert help.", QuestionKind.Scale, true, null),
    ];

    /// <summary>The groups: opening data up (0), privacy and consent first (1), the public servants who make it work (2).</summary>
    public static readonly IReadOnlyList<DemoStatement> Statements =
    [
        // Seed statements from the programme team, as Pol.is conversations start: common ground, and one nobody holds.
        new("Every project should publish a plain-English summary of what data it uses and why.", "+++", "programme"),
        new("People should be told when data about them was used to make a decision about them.", "+++", "programme"),
        new("Teams should record the known limitations of their data before relying on it.", "+++", "programme"),
        new("Government should be able to stop using a system quickly if it is found to cause harm.", "+++", "programme"),
        new("Data ethics is a matter for data scientists only, not for policy teams.", "---", "programme"),
        new("Government should publish more of its data openly, even when it is not perfect.", "+--", "startup"),
        new("People should be able to opt out of any use of their data beyond the service they asked for.", "-+~", "charity"),
        new("Small organisations need templates and worked examples more than new principles.", "~~+", "council"),
        new("Anonymised data should be shared with researchers without asking each person's consent.", "+-~", "researcher"),
        new("No automated system should decide anything about a person without a human checking it.", "-+~", "resident"),
        new("The framework should be guidance, not a mandatory requirement.", "+-+", "council"),
        new("Ethics reviews should never delay a project by more than a few weeks.", "+-~", "startup"),
        new("Data about children should never be shared outside the organisation that collected it.", "-+-", "ben.carter"),
        new("Each organisation should name one senior person accountable for data ethics.", "-~+", "kemi.adebayo"),
        new("The code of algorithms used in public services should be published.", "+~-", "journalist"),
        new("Government should never sell data about people to private companies.", "-+~", "charity"),
        new("Self-assessment by the project team is enough for low-risk projects.", "+-+", "council"),
        new("Start-ups should get the same access to government data as universities.", "+-~", "startup"),
        new("Every project using personal data should be reviewed by an independent ethics panel.", "-+-", "ian.fletcher"),
        new("Councils cannot follow the framework without extra staff or funding.", "-~+", "council"),
        new("The benefits of using data in public services usually outweigh the risks.", "+--", "researcher"),
        new("Facial recognition should not be used in public services at all.", "-+~", "resident"),
        new("Publishing every self-assessment would make teams less honest in them.", "--+", "ruth.evans"),
        new("Too many rules will stop the public sector using data to improve services.", "+--", "tariq.hussain"),
        new("If a team cannot test an algorithm for fairness, it should not use it.", "-+-", "charity"),
        new("Suppliers who build systems for government should follow the same framework.", "-++", "kemi.adebayo"),
        new("People affected should be consulted before their data is used in a new way.", "-+~", "ben.carter"),
        new("Ethics checks should be repeated at every stage of a project, not only at the start.", "-++", "ruth.evans"),
        new("Reusing data collected for one service in another is fine if it saves people time.", "+-+", "grace.liu"),
        new("Everyone who works with data in government should have data ethics training.", "~++", "kemi.adebayo"),
        new("It is fair to use data to target services at the people who need them most.", "+-+", "council"),
    ];

    /// <summary>Which group each demo person who takes part holds with (their statements and answers say so).</summary>
    public static readonly IReadOnlyDictionary<string, int> Planted = new Dictionary<string, int>
    {
        ["startup"] = 0, ["researcher"] = 0, ["journalist"] = 0, ["grace.liu"] = 0, ["tariq.hussain"] = 0,
        ["supporter01"] = 0, ["supporter04"] = 0, ["supporter07"] = 0,
        ["charity"] = 1, ["resident"] = 1, ["ben.carter"] = 1, ["ian.fletcher"] = 1, ["supporter02"] = 1, ["supporter05"] = 1, ["supporter08"] = 1,
        ["council"] = 2, ["kemi.adebayo"] = 2, ["ruth.evans"] = 2, ["supporter03"] = 2, ["supporter06"] = 2,
    };

    /// <summary>The share of the other participants planted in each group.</summary>
    public static readonly double[] Shares = [0.36, 0.34, 0.30];
}
