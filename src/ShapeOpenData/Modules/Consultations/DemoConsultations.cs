using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Consultations.Statements;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// Demo consultations: a draft data ethics framework, open now, with comments on its sections (one quoting a passage), a
/// survey answered with every kind of consent, and a few hundred participants whose votes on its statements form clear
/// opinion groups; and guidance on dates and times, closed, with a second version of its document and its outcome
/// published. Made through the real workflows on a clock that walks forward from months ago, so audit entries, follows,
/// counts and emails are what the service would have made. The groups are computed once, after the last vote of the open
/// one and after the close of the closed one, so the groups pages show them at first start and the watch has nothing to do.
/// </summary>
internal sealed partial class DemoConsultations(IServiceProvider services, AppDbContext db, TimeProvider serviceClock) : IDemoContent
{
    /// <summary>Both are the Cabinet Office's, whose data standards and ethics work the programme team runs.</summary>
    private const string Owner = "cabinet-office";

    private Dictionary<string, User> _people = [];
    private readonly DemoClock _clock = new(serviceClock.GetUtcNow());
    private ConsultationWorkflow _consultations = null!;
    private SurveyWorkflow _survey = null!;
    private StatementBoard _statements = null!;
    private CommentThreads _comments = null!;
    private CancellationToken _cancellationToken;

    /// <summary>After the requests (10) and groups (20), whose people take part here, and before moderation (30).</summary>
    public int Order => 25;

    public async Task SeedAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        _people = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoAccounts.Domain)).ToDictionaryAsync(u => u.Email!.Split('@')[0], cancellationToken);
        if (!_people.ContainsKey("programme") || await db.Consultations.AnyAsync(c => c.Slug == DemoEthicsFramework.Slug, cancellationToken))
        {
            return;
        }
        _cancellationToken = cancellationToken;
        var following = ActivatorUtilities.CreateInstance<Following>(services, _clock);
        var notifier = ActivatorUtilities.CreateInstance<Notifier>(services, _clock);
        var participants = ActivatorUtilities.CreateInstance<Participants>(services, _clock);
        _consultations = ActivatorUtilities.CreateInstance<ConsultationWorkflow>(services, _clock, following, notifier);
        _survey = ActivatorUtilities.CreateInstance<SurveyWorkflow>(services, _clock, _consultations, participants, following);
        _statements = ActivatorUtilities.CreateInstance<StatementBoard>(services, _clock, participants);
        // Sections take comments while the consultation is open by the demo's clock: the closed one was open back then.
        ICommentable[] sections = [ActivatorUtilities.CreateInstance<SectionItems>(services, _clock)];
        _comments = ActivatorUtilities.CreateInstance<CommentThreads>(services, _clock, sections, following, notifier);

        await DatesGuidanceAsync();
        await EthicsFrameworkAsync();
        // Demo people are not real: what the demo "sent" them is marked sent without going anywhere.
        await services.GetRequiredService<Notifier>().DiscardPendingAsync("Demo content: not sent", cancellationToken);
    }

    /// <summary>A draft owned by the Cabinet Office, written by the programme team: its document and its survey.</summary>
    private async Task<Consultation> DraftAsync(
        string slug, string title, string summary, int closesInDays, IEnumerable<(string Heading, string Body)> sections, IEnumerable<QuestionDetails> questions)
    {
        var programme = await AsAsync("programme");
        var owner = await db.Organisations.Where(o => o.Slug == Owner).Select(o => o.Id).SingleAsync(_cancellationToken);
        var consultation = await _consultations.CreateAsync(slug,
            new ConsultationDetails(title, summary, owner, serviceClock.Today().AddDays(closesInDays), ModerateStatements: false), programme, _cancellationToken);
        foreach (var (heading, body) in sections)
        {
            await _consultations.AddSectionAsync(slug, heading, body, programme, _cancellationToken);
        }
        foreach (var question in questions)
        {
            await _survey.AddQuestionAsync(slug, question, programme, _cancellationToken);
        }
        return consultation;
    }

    /// <summary>The statements, submitted by their authors a few hours apart; with how the groups lean on each, for the votes.</summary>
    private async Task<List<(int Id, string Leanings)>> SubmitAsync(string slug, IEnumerable<DemoStatement> statements)
    {
        var submitted = new List<(int, string)>();
        foreach (var statement in statements)
        {
            _clock.Now = _clock.Now.AddHours(3);
            var author = _people.ContainsKey(statement.Author) ? statement.Author : "programme";
            submitted.Add(((await _statements.SubmitAsync(slug, statement.Text, await AsAsync(author), _cancellationToken)).Id, statement.Leanings));
        }
        return submitted;
    }

    /// <summary>A demo person's survey response, if they are in the demo: one answer a question, several choices separated by '|', "" for none.</summary>
    private async Task RespondAsync(Consultation consultation, string person, Consent consent, params string[] answers)
    {
        if (!_people.ContainsKey(person))
        {
            return;
        }
        _clock.Now = _clock.Now.AddHours(7);
        var questions = await db.SurveyQuestions.Where(q => q.ConsultationId == consultation.Id).OrderBy(q => q.Number).Select(q => q.Id).ToListAsync(_cancellationToken);
        var given = questions.Zip(answers).ToDictionary(a => a.First, a => (IReadOnlyList<string>)a.Second.Split('|', StringSplitOptions.RemoveEmptyEntries));
        await _survey.RespondAsync(consultation.Slug, given, consent, await AsAsync(person), _cancellationToken);
    }

    /// <summary>A comment on a section of the document's latest version, a day after the last thing that happened.</summary>
    private async Task<Comment> CommentAsync(Consultation consultation, int section, string person, string text, string? quote = null, int? replyTo = null)
    {
        _clock.Advance(1);
        var sectionId = await db.Sections
            .Where(s => s.Number == section && s.VersionId == db.DocumentVersions.Where(v => v.ConsultationId == consultation.Id).OrderByDescending(v => v.Number).Select(v => v.Id).First())
            .Select(s => s.Id).SingleAsync(_cancellationToken);
        return await _comments.PostAsync(ConsultationsModule.SectionItemType, sectionId, replyTo, text, await AsAsync(person), _cancellationToken, quote);
    }

    /// <summary>
    /// The demo people who took part, each in the group their statements and answers put them in, and <paramref name="crowd"/>
    /// more participants without accounts (records like those a Pol.is import makes), arriving between two days to vote on
    /// the statements. The votes are written in shared transactions by <see cref="VoteBatches"/>, as votes cast on the
    /// service are, with the statements' counts.
    /// </summary>
    private async Task VoteAsync(Consultation consultation, IReadOnlyList<(int Id, string Leanings)> statements, IReadOnlyDictionary<string, int> planted,
        double[] shares, int crowd, int typical, (double From, double To) days, int seed)
    {
        var random = new Random(seed);
        var from = serviceClock.GetUtcNow().AddDays(days.From).UtcDateTime;
        DateTime Arrival() => from.AddDays(random.NextDouble() * (days.To - days.From));
        var groupOf = planted.Where(p => _people.ContainsKey(p.Key)).ToDictionary(p => _people[p.Key].Id, p => p.Value);
        var known = await db.Participants.Where(p => p.ConsultationId == consultation.Id && p.UserId != null)
            .Select(p => new { p.Id, UserId = p.UserId!.Value, p.CreatedAt }).ToListAsync(_cancellationToken);
        var voters = known.Where(p => groupOf.ContainsKey(p.UserId))
            .Select(p => new DemoVoter(p.Id, groupOf[p.UserId], new[] { Arrival(), p.CreatedAt }.Max())).ToList();

        var last = await db.Participants.Where(p => p.ConsultationId == consultation.Id).MaxAsync(p => (int?)p.Number, _cancellationToken) ?? -1;
        var anonymous = Enumerable.Range(1, crowd).Select(i => (Record: Participant.Join(consultation.Id, null, last + i, Arrival()), Group: Pick(shares, random))).ToList();
        db.Participants.AddRange(anonymous.Select(a => a.Record));
        await db.SaveChangesAsync(_cancellationToken);
        voters.AddRange(anonymous.Select(a => new DemoVoter(a.Record.Id, a.Group, a.Record.CreatedAt)));

        var batches = services.GetRequiredService<VoteBatches>();
        await Task.WhenAll(DemoVotes.Cast(consultation.Id, voters, statements, typical, random).Select(batches.WriteAsync));
        Days(days.To);
    }

    /// <summary>The groups, computed once as of the demo's clock, so the groups page shows them at first start.</summary>
    private async Task GroupAsync(Consultation consultation) =>
        await ActivatorUtilities.CreateInstance<OpinionGroupComputation>(services, _clock).RecomputeAsync(consultation.Id, force: true, _cancellationToken);

    /// <summary>A group, drawn in proportion to the shares.</summary>
    private static int Pick(double[] shares, Random random)
    {
        var draw = random.NextDouble() * shares.Sum();
        for (var group = 0; group < shares.Length - 1; group++)
        {
            draw -= shares[group];
            if (draw < 0)
            {
                return group;
            }
        }
        return shares.Length - 1;
    }

    private Task<ClaimsPrincipal> AsAsync(string person) => DemoAccounts.PrincipalAsync(db, _people[person]);

    private void Days(double fromToday) => _clock.Now = serviceClock.GetUtcNow().AddDays(fromToday);
}
