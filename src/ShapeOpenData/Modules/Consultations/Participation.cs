using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// Someone taking part in one consultation: a person with an account, or an anonymous record read from a Pol.is
/// export, which can never sign in. Its number is how exports name it: the original participant id for an imported
/// record, otherwise a pseudonym given in order of arrival, the same in every export.
/// </summary>
public sealed class Participant
{
    public int Id { get; private set; }
    public int ConsultationId { get; private set; }

    /// <summary>The account, or null for an imported record.</summary>
    public int? UserId { get; private set; }

    /// <summary>The participant's number in Pol.is-format exports.</summary>
    public int Number { get; private set; }

    /// <summary>
    /// Whether what they gave may be published: with their name, without it (the default for votes and statements,
    /// which are published without names, as Pol.is does), or not at all. The survey asks each time.
    /// </summary>
    public Consent Consent { get; private set; } = Consent.WithoutName;

    /// <summary>The opinion group they were last placed in, by number, or null when not (yet) grouped.</summary>
    public int? GroupNumber { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private Participant() { }

    public static Participant Join(int consultationId, int? userId, int number, DateTime now) =>
        new() { ConsultationId = consultationId, UserId = userId, Number = number, CreatedAt = now };

    public void Choose(Consent consent) => Consent = consent;
}

/// <summary>
/// A short statement people vote on (agree, disagree or pass), written by a participant or by those running the
/// consultation. When the consultation moderates statements, a new one waits for a moderator before others see it.
/// Its counts move in the same transaction as the votes, so they always equal them.
/// </summary>
public sealed partial class Statement
{
    /// <summary>What a participant may write here.</summary>
    public const int TextMaxLength = 140;

    /// <summary>What a statement read from a Pol.is export may hold: conversations there allowed longer ones.</summary>
    public const int ImportedTextMaxLength = 2_000;

    public int Id { get; private set; }
    public int ConsultationId { get; private set; }

    /// <summary>The statement's number in Pol.is-format exports (its original comment id when imported).</summary>
    public int Number { get; private set; }
    public int? ParticipantId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int Agrees { get; private set; }
    public int Disagrees { get; private set; }
    public int Passes { get; private set; }
    public ModerationState Moderation { get; private set; } = new();

    public int Votes => Agrees + Disagrees + Passes;

    private Statement() { }

    /// <summary>A statement read from a Pol.is export, with its counts and what its moderators decided there.</summary>
    public static Statement Imported(int consultationId, int number, int? participantId, string text, ModerationState moderation, DateTime createdAt) => new()
    {
        ConsultationId = consultationId, Number = number, ParticipantId = participantId, CreatedAt = createdAt, Moderation = moderation,
        Text = Consultation.Checked(text, ImportedTextMaxLength, "Statement"),
    };

    /// <summary>Sets the counts to the votes just written with it, for an import.</summary>
    internal void Tally(int agrees, int disagrees, int passes) => (Agrees, Disagrees, Passes) = (agrees, disagrees, passes);

    public static Statement Submit(int consultationId, int number, int? participantId, string text, bool held, DateTime now) => new()
    {
        ConsultationId = consultationId, Number = number, ParticipantId = participantId, CreatedAt = now,
        Text = Consultation.Checked(text, TextMaxLength, "Statement"), Moderation = held ? ModerationState.Held() : new(),
    };

    /// <summary>A moderator edits personal data out: the wording it replaces is kept by the moderation module, for administrators only.</summary>
    public void Redact(string text, DateTime now)
    {
        Text = Consultation.Checked(text, TextMaxLength, "Statement");
        Moderation.Apply(new ModerationChange.Redact(new Dictionary<string, string>()), now);
    }

    /// <summary>Whether <paramref name="readerParticipantId"/> may read it: everyone, unless hidden or held; then its author and moderators.</summary>
    public bool IsReadableBy(int? readerParticipantId, bool moderates) =>
        Moderation.IsPublic || moderates || (readerParticipantId is not null && readerParticipantId == ParticipantId);
}

public enum VoteChoice : short
{
    Disagree = -1,
    Pass = 0,
    Agree = 1,
}

/// <summary>A participant's vote on a statement, in Pol.is's export sign (1 agree, -1 disagree, 0 pass); changeable.</summary>
public sealed class StatementVote
{
    public int StatementId { get; private set; }
    public int ParticipantId { get; private set; }
    public int ConsultationId { get; private set; }
    public VoteChoice Choice { get; private set; }
    public DateTime VotedAt { get; private set; }

    private StatementVote() { }

    public static StatementVote Cast(int consultationId, int statementId, int participantId, VoteChoice choice, DateTime now) =>
        new() { ConsultationId = consultationId, StatementId = statementId, ParticipantId = participantId, Choice = choice, VotedAt = now };
}

/// <summary>
/// The last opinion-group computation of a consultation: when, over how many votes, its result as shown on the groups
/// page, and the engine's state for the next run's warm start. One row per consultation, replaced each run.
/// </summary>
public sealed class OpinionGroupRun
{
    public int ConsultationId { get; private set; }
    public DateTime ComputedAt { get; private set; }

    /// <summary>The votes it was computed from and the latest of them, so a run with nothing new is skipped.</summary>
    public long VotesSeen { get; private set; }
    public DateTime? LastVoteAt { get; private set; }
    public int GroupCount { get; private set; }
    public int Grouped { get; private set; }

    /// <summary>The groups, their statements and the map, as JSON.</summary>
    public string Result { get; private set; } = "{}";

    /// <summary>The engine's warm-start state, as JSON.</summary>
    public string State { get; private set; } = "{}";

    private OpinionGroupRun() { }

    public static OpinionGroupRun For(int consultationId) => new() { ConsultationId = consultationId };

    public void Record(DateTime now, long votesSeen, DateTime? lastVoteAt, int groupCount, int grouped, string result, string state)
    {
        ComputedAt = now;
        VotesSeen = votesSeen;
        LastVoteAt = lastVoteAt;
        GroupCount = groupCount;
        Grouped = grouped;
        Result = result;
        State = state;
    }
}
