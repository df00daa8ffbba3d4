using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>
/// The opinion groups found in the votes: a map of the groups (never of people), each group's size and the statements
/// that set it apart, the statements every group agrees on, the same as tables, and which group the reader is in.
/// </summary>
public sealed class GroupsModel(AppDbContext db, TimeProvider clock) : ConsultationPage(db, clock)
{
    public OpinionGroupView View { get; private set; } = OpinionGroupView.None;
    public DateTime? ComputedAt { get; private set; }

    /// <summary>Public statements by id: a statement hidden since the run is left out.</summary>
    public IReadOnlyDictionary<int, (int Number, string Text)> Statements { get; private set; } = new Dictionary<int, (int, string)>();
    public int? MyGroup { get; private set; }
    public bool IsParticipant { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken) || !Consultation.IsPublished)
        {
            return NotFound();
        }
        (View, ComputedAt) = await ViewAsync(Db, Consultation.Id, cancellationToken);
        var ids = View.Groups.SelectMany(g => g.Representative).Concat(View.ConsensusAgree).Concat(View.ConsensusDisagree).Select(s => s.StatementId).Distinct().ToList();
        Statements = await Db.Statements.AsNoTracking().Where(s => ids.Contains(s.Id) && s.Moderation.HiddenAt == null && !s.Moderation.AwaitingApproval)
            .ToDictionaryAsync(s => s.Id, s => (s.Number, s.Text), cancellationToken);
        if (User.UserId() is { } userId
            && await Db.Participants.AsNoTracking().Where(p => p.ConsultationId == Consultation.Id && p.UserId == userId).Select(p => new { p.GroupNumber }).SingleOrDefaultAsync(cancellationToken) is { } me)
        {
            (IsParticipant, MyGroup) = (true, me.GroupNumber);
        }
        return Page();
    }

    /// <summary>The last run's view of the groups, or none yet.</summary>
    public static async Task<(OpinionGroupView View, DateTime? ComputedAt)> ViewAsync(AppDbContext db, int consultationId, CancellationToken cancellationToken) =>
        await db.OpinionGroupRuns.AsNoTracking().Where(r => r.ConsultationId == consultationId).Select(r => new { r.Result, r.ComputedAt })
            .SingleOrDefaultAsync(cancellationToken) is { } run
            ? (JsonSerializer.Deserialize<OpinionGroupView>(run.Result, OpinionGroupComputation.Json) ?? OpinionGroupView.None, run.ComputedAt)
            : (OpinionGroupView.None, null);
}
