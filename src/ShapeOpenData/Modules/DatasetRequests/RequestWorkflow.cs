using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Jurisdiction;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// Every change to a request, for the pages, the API and scheduled work alike: checks who may act, lets
/// the request apply its rules, and saves the change, its audit entry and the emails it causes together.
/// </summary>
public sealed class RequestWorkflow(
    AppDbContext db, Jurisdiction.Jurisdiction jurisdiction, TimeProvider clock, Following following, RequestNotifications notifications, Items items)
{
    private const string ItemType = DatasetRequestsModule.ItemType;

    /// <summary>Scheduled work acts as the service itself: nobody signed in, yet it sees every request, confidential ones too.</summary>
    private static readonly ClaimsPrincipal TheService = new(new ClaimsIdentity());

    public async Task<DatasetRequest> SubmitAsync(NewRequest details, string regimeCode, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var rules = await jurisdiction.GetAsync(cancellationToken);
        var regime = rules.Find(regimeCode) ?? throw new RuleException($"'{regimeCode}' is not a regime");
        var normalised = DatasetRequest.Normalise(details.Title);
        if (await db.DatasetRequests.AnyAsync(r => r.NormalizedTitle == normalised && r.State != RequestState.Closed, cancellationToken))
        {
            throw new DuplicateTitleException();
        }

        // Requests are never held for a moderator (IPreModeration is not asked): a request for information is received,
        // in law, when it is sent, and its clock starts then. A moderator may hide one afterwards; its clock runs on.
        var now = clock.UtcNow();
        var request = DatasetRequest.Submit(details, regime, rules.Calendar, actor.UserId(), now);
        return await db.InOneTransactionAsync(async () =>
        {
            db.DatasetRequests.Add(request);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException failure) when (failure.IsUniqueViolation())
            {
                throw new DuplicateTitleException();
            }
            db.RequestTitleTerms.AddRange(TitleTerms.Of(request.Title).Select(term => new RequestTitleTerm { RequestId = request.Id, Term = term }));
            if (request.RequesterId is { } requester)
            {
                await following.FollowAsync(requester, ItemType, request.Id, asked: true, cancellationToken);
            }
            db.AuditEntries.Add(AuditEntry.Of(ItemType, request.Id, "submitted", actor.UserId(), now, null, RequestSnapshot.Of(request)));
            await db.SaveChangesAsync(cancellationToken);
            return request;
        }, cancellationToken);
    }

    public Task<DatasetRequest> ReviewAsync(int id, ClaimsPrincipal actor, string? note, CancellationToken cancellationToken = default) =>
        ManageAsync(id, actor, (request, on) => request.Review(on.ActorId, note, on.Now), cancellationToken);

    public Task<DatasetRequest> StartAsync(int id, ClaimsPrincipal actor, string? note, CancellationToken cancellationToken = default) =>
        ManageAsync(id, actor, (request, on) => request.Start(on.ActorId, note, on.Now), cancellationToken);

    public Task<DatasetRequest> AskAsync(int id, ClaimsPrincipal actor, string question, CancellationToken cancellationToken = default) =>
        ManageAsync(id, actor, (request, on) => request.AskRequester(question, on.Rules.Calendar, on.Today, on.ActorId, on.Now), cancellationToken);

    public Task<DatasetRequest> ExtendAsync(int id, ClaimsPrincipal actor, int days, string reason, CancellationToken cancellationToken = default) =>
        ManageAsync(id, actor, (request, on) => request.Extend(days, reason, on.Regime, on.Rules.Calendar, on.ActorId, on.Now), cancellationToken);

    public Task<DatasetRequest> CloseAsync(int id, ClaimsPrincipal actor, Closing closing, CancellationToken cancellationToken = default)
    {
        if (closing.Outcome == Outcome.Withdrawn)
        {
            throw new RuleException("Only the requester can withdraw a request");
        }
        return ManageAsync(id, actor, (request, on) => request.Close(closing, on.Regime.ComplaintRoute, on.Today, on.ActorId, on.Now), cancellationToken,
            async request =>
            {
                // Only a request the closer may see: its page names the other request, and a private one must not be
                // named, nor found to exist, by someone who may not see it (hence the same words as for none at all).
                if (closing.DuplicateOfId is { } other
                    && !await db.DatasetRequests.Where(DatasetRequestPermissions.VisibleTo(actor)).AnyAsync(r => r.Id == other, cancellationToken))
                {
                    throw new FieldRuleException("duplicateOf", $"There is no request {other}");
                }
                if (closing.DatasetId is { } dataset && (await Datasets.PublicAsync([dataset], cancellationToken)).Count == 0)
                {
                    throw new RuleException("That dataset is not in the catalogue");
                }
            });
    }

    /// <summary>The dataset a closing names, by its slug: none when no slug is given, refused when the catalogue has no such dataset.</summary>
    public async Task<int?> DatasetIdAsync(string? slug, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(slug)
            ? null
            : await FindDatasetAsync(slug.Trim(), cancellationToken) ?? throw new RuleException($"There is no dataset '{slug.Trim()}' in the catalogue");

    /// <summary>The id of a dataset in the catalogue (not withdrawn), by its slug; null when there is none.</summary>
    public async Task<int?> FindDatasetAsync(string slug, CancellationToken cancellationToken = default) =>
        (await Datasets.FindAsync(slug, cancellationToken))?.Id;

    private ITraceable Datasets => items.Traceable(ItemTypes.Dataset);

    /// <summary>
    /// After a catalogue import: requests closed with the address of data that the catalogue now holds (a
    /// dataset's landing page) are linked to that dataset, and their followers told. Returns how many.
    /// </summary>
    public async Task<int> LinkAnsweredRequestsAsync(CancellationToken cancellationToken = default)
    {
        var answered = await db.DatasetRequests
            .Where(r => r.State == RequestState.Closed && r.DatasetId == null && r.OutcomeUrl != null
                        && (r.Outcome == Outcome.Released || r.Outcome == Outcome.AlreadyAvailable))
            .Select(r => new { r.Id, Url = r.OutcomeUrl! }).ToListAsync(cancellationToken);
        var linked = 0;
        foreach (var request in answered)
        {
            if (await Datasets.FindAsync(request.Url, cancellationToken) is { } dataset)
            {
                await ActAsync(request.Id, TheService, (_, _) => true,
                    (r, on) => r.LinkDataset(dataset.Id, dataset.Title, on.Now), cancellationToken);
                linked++;
            }
        }
        return linked;
    }

    public Task<DatasetRequest> ReopenAsync(int id, ClaimsPrincipal actor, string reason, CancellationToken cancellationToken = default) =>
        ManageAsync(id, actor, (request, on) => request.Reopen(reason, on.Regime, on.Rules.Calendar, on.Today, on.ActorId, on.Now), cancellationToken);

    public async Task<DatasetRequest> AssignAsync(int id, ClaimsPrincipal actor, int organisationId, int? publisherId, string? note, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RuleException("Select an organisation");
        if (!DatasetRequestPermissions.CanAssignTo(actor, organisationId))
        {
            throw new ForbiddenException("You cannot do that to this request");
        }
        if (publisherId is { } publisher && !await db.PublisherMemberships.AnyAsync(m => m.UserId == publisher && m.OrganisationId == organisationId, cancellationToken))
        {
            throw new RuleException($"That person does not publish for {organisation}");
        }
        return await ManageAsync(id, actor, (request, on) => request.Assign(organisationId, publisherId, organisation, on.ActorId, note, on.Now), cancellationToken);
    }

    /// <summary>The requester's answer to a question (or, for a request that came by email or post, its manager's note of it).</summary>
    public Task<DatasetRequest> AnswerAsync(int id, ClaimsPrincipal actor, string answer, CancellationToken cancellationToken = default) =>
        ActAsync(id, actor, DatasetRequestPermissions.CanAnswerQuestion,
            (request, on) => request.ReceiveClarification(answer, on.Rules.Calendar, on.Today, on.ActorId, on.Now), cancellationToken);

    public Task<DatasetRequest> WithdrawAsync(int id, ClaimsPrincipal actor, string? reason, CancellationToken cancellationToken = default) =>
        ActAsync(id, actor, DatasetRequestPermissions.CanWithdraw,
            (request, on) => request.Withdraw(reason, on.Today, on.ActorId, on.Now), cancellationToken);

    /// <summary>Scheduled work: re-opens requests whose expected release date has passed. Returns how many.</summary>
    public async Task<int> ReopenPastScheduledAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var due = await db.DatasetRequests
            .Where(r => r.State == RequestState.Closed && r.Outcome == Outcome.Scheduled && r.ExpectedOn < today)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await ActAsync(id, TheService, (_, _) => true, (request, on) => request.Reopen(
                $"The data was expected by {request.ExpectedOn:d MMMM yyyy} but has not been released, so the request is open again.",
                on.Regime, on.Rules.Calendar, on.Today, null, on.Now), cancellationToken);
        }
        return due.Count;
    }

    private Task<DatasetRequest> ManageAsync(int id, ClaimsPrincipal actor, Func<DatasetRequest, Acting, RequestEvent> act,
        CancellationToken cancellationToken, Func<DatasetRequest, Task>? check = null) =>
        ActAsync(id, actor, DatasetRequestPermissions.CanManage, act, cancellationToken, check);

    private async Task<DatasetRequest> ActAsync(int id, ClaimsPrincipal actor, Func<ClaimsPrincipal, DatasetRequest, bool> allowed,
        Func<DatasetRequest, Acting, RequestEvent> act, CancellationToken cancellationToken, Func<DatasetRequest, Task>? check = null)
    {
        var request = await db.DatasetRequests.Include(r => r.Organisation).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || (!ReferenceEquals(actor, TheService) && !DatasetRequestPermissions.CanView(actor, request)))
        {
            throw new NotFoundException($"There is no request {id}");
        }
        if (!allowed(actor, request))
        {
            throw new ForbiddenException("You cannot do that to this request");
        }
        if (check is not null)
        {
            await check(request);
        }

        var rules = await jurisdiction.GetAsync(cancellationToken);
        var acting = new Acting(rules, rules.Find(request.RegimeCode) ?? rules.ServiceStandard, clock.Today(), clock.UtcNow(), actor.UserId());
        var before = RequestSnapshot.Of(request);
        var recorded = act(request, acting);
        if (DatasetRequestPermissions.CanManage(actor, request))
        {
            request.MarkResponded(acting.Now);
        }
        db.AuditEntries.Add(AuditEntry.Of(ItemType, request.Id, recorded.Kind.ToCode(), acting.ActorId, acting.Now, before, RequestSnapshot.Of(request)));
        await notifications.TellAsync(request, recorded, acting.ActorId, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        // Two changes at once: the request's version refuses the second, or, on PostgreSQL, the second's emails wait on
        // the first's (one key per event) and then find it taken.
        catch (DbUpdateException clash) when (clash is DbUpdateConcurrencyException || clash.IsUniqueViolation())
        {
            throw new RuleException("Someone else changed this request at the same moment. Check what they did, then try again");
        }
        return request;
    }

    private sealed record Acting(JurisdictionRules Rules, LegalRegime Regime, DateOnly Today, DateTime Now, int? ActorId);
}

/// <summary>The request as the audit log records it, before and after each change.</summary>
public sealed record RequestSnapshot(
    string Title, string State, int? OrganisationId, int? AssignedPublisherId, DateOnly ReceivedOn, DateOnly DueOn, int ExtensionDays,
    string? Outcome, string? OutcomeUrl, DateOnly? ExpectedOn, string? RefusalReason, string? OutcomeExplanation, int? DuplicateOfId, bool IsConfidential)
{
    public static RequestSnapshot Of(DatasetRequest r) => new(
        r.Title, r.State.ToCode(), r.OrganisationId, r.AssignedPublisherId, r.ReceivedOn, r.DueOn, r.ExtensionDays,
        r.Outcome?.ToCode(), r.OutcomeUrl, r.ExpectedOn, r.RefusalReason?.ToCode(), r.OutcomeExplanation, r.DuplicateOfId, r.IsConfidential);
}

public sealed class DuplicateTitleException()
    : RuleException("There is already an open request with this title. Support that request, or give yours a different title");
