using ShapeOpenData.Modules.Consultations.OpinionGroups;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// What the groups page, its API and the outcome show of a run, kept as JSON in <see cref="OpinionGroupRun.Result"/>. Statements
/// are named by id, so one hidden since is left out when shown. Positions are never kept per participant: each group is an
/// ellipse (its centre and spread), so nobody can be picked out on the map.
/// </summary>
public sealed record OpinionGroupView(int Voters, int Grouped, IReadOnlyList<GroupView> Groups, IReadOnlyList<GroupStatementView> ConsensusAgree,
    IReadOnlyList<GroupStatementView> ConsensusDisagree)
{
    public static readonly OpinionGroupView None = new(0, 0, [], [], []);

    /// <summary>Groups are named by letter, as Pol.is names them: group 0 is A.</summary>
    public static string Letter(int number) => ((char)('A' + number)).ToString();
}

/// <param name="SpreadX">One standard deviation of its members' places, across.</param>
/// <param name="SpreadY">One standard deviation, down.</param>
public sealed record GroupView(int Number, int Size, double X, double Y, double SpreadX, double SpreadY, IReadOnlyList<GroupStatementView> Representative)
{
    public string Letter => OpinionGroupView.Letter(Number);
}

/// <param name="Agree">In a group's list: its members' agreeing votes; for consensus: every grouped participant's.</param>
public sealed record GroupStatementView(int StatementId, Opinion Opinion, int Agree, int Disagree, int Pass)
{
    public int Votes => Agree + Disagree + Pass;
    public double AgreeShare => Votes == 0 ? 0 : (double)Agree / Votes;
    public double DisagreeShare => Votes == 0 ? 0 : (double)Disagree / Votes;
}
