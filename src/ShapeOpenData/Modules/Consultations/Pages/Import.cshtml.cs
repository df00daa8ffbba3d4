using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Consultations.OpinionGroups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>
/// The programme team (and administrators) import a Pol.is conversation here, as <c>import-polis</c> does from the command
/// line: its comments.csv and votes.csv become a new closed consultation owned by the organisation chosen. Files that are
/// missing, not CSV or not in Pol.is's format are refused with a message on the field; what is imported is told on the
/// consultation's page, where its opinion groups appear a few seconds later.
/// </summary>
[Authorize]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed partial class ImportModel(AppDbContext db, PolisInterop polis) : PageModel
{
    /// <summary>Each file: vTaiwan's votes.csv (about 100,000 votes) is under 3 MB; bigger conversations go through the command line.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;
    private const long MaxRequestBytes = 2 * MaxFileBytes + 64 * 1024;
    public const int TopicMaxLength = 150;

    [BindProperty] public IFormFile? Comments { get; set; }
    [BindProperty] public IFormFile? Votes { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Topic { get; set; }

    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ConsultationPermissions.CanImport(User))
        {
            return Forbid();
        }
        Organisation = "cabinet-office";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ConsultationPermissions.CanImport(User))
        {
            return Forbid();
        }
        var statements = await ReadAsync(Comments, nameof(Comments), PolisExport.CommentsFile, PolisExport.ReadStatements);
        var votes = await ReadAsync(Votes, nameof(Votes), PolisExport.VotesFile, PolisExport.ReadVotes);
        var owner = await db.Organisations.Where(o => o.Slug == Organisation).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            ModelState.AddModelError(nameof(Organisation), "Select the organisation that owns the conversation");
        }
        var topic = string.IsNullOrWhiteSpace(Topic) ? null : Topic.Trim();
        if (topic?.Length > TopicMaxLength)
        {
            ModelState.AddModelError(nameof(Topic), $"The topic must be {TopicMaxLength} characters or fewer");
        }
        return await this.ChangeAsync(async () =>
        {
            var conversation = new PolisConversation(statements!, PolisExport.LatestVotes(votes!), []);
            Consultation consultation;
            try
            {
                consultation = await polis.ImportAsync(conversation, new PolisSummary(topic, null, null), owner!.Value, User.UserId(), cancellationToken);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw new RuleException("The files hold a timestamp that is not a date: they are not in Pol.is's format");
            }
            var counts = await db.Consultations.Where(c => c.Id == consultation.Id).Select(c => new
            {
                Statements = db.Statements.Count(s => s.ConsultationId == c.Id),
                Votes = db.StatementVotes.Count(v => v.ConsultationId == c.Id),
                Participants = db.Participants.Count(p => p.ConsultationId == c.Id),
            }).SingleAsync(cancellationToken);
            return new Changed(ConsultationWorkflow.UrlOf(consultation.Slug), string.Create(CultureInfo.CurrentCulture,
                $"Imported {counts.Statements:N0} statements, {counts.Votes:N0} votes and {counts.Participants:N0} participants from Pol.is. The opinion groups appear in a few seconds"));
        }, nameof(Comments), () => LoadAsync(cancellationToken));
    }

    /// <summary>
    /// The rows of one uploaded file, or null with a message on its field: none chosen, empty, too big, not a CSV file, or
    /// not in Pol.is's format (a column missing, or a value that is not what Pol.is writes there).
    /// </summary>
    private async Task<IReadOnlyList<T>?> ReadAsync<T>(IFormFile? upload, string field, string expected, Func<Stream, IReadOnlyList<T>> read)
    {
        string? problem = upload switch
        {
            null => $"Select the conversation's {expected}",
            { Length: 0 } => $"The file you chose for {expected} is empty",
            { Length: > MaxFileBytes } => $"{expected} must be {MaxFileBytes / 1024 / 1024} MB or smaller: import bigger conversations with the import-polis command",
            _ when !upload.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) => $"The {expected} file must be a CSV file",
            _ => null,
        };
        if (problem is null)
        {
            try
            {
                await using var stream = upload!.OpenReadStream();
                return read(stream);
            }
            catch (KeyNotFoundException missing)
            {
                var columns = Quoted().Matches(missing.Message).Select(m => m.Groups[1].Value).ToList();
                problem = $"The file you chose for {expected} is not a Pol.is {expected}: " + (columns.Count == 0
                    ? "its columns are not the ones Pol.is exports"
                    : $"it has no {(columns.Count == 1 ? "column" : "columns")} {string.Join(", ", columns)}");
            }
            catch (CsvFormatException unreadable)
            {
                problem = $"Row {unreadable.RecordNumber} of {expected} (counting its header) could not be read: column {unreadable.FieldIndex + 1} is not what Pol.is writes there";
            }
            catch (Exception unreadable) when (unreadable is CsvValidationException or FormatException or InvalidCastException or OverflowException)
            {
                problem = $"{expected} could not be read: it is not in Pol.is's format";
            }
        }
        ModelState.AddModelError(field, problem);
        return null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken);

    /// <summary>The columns CsvHelper names as missing from a header: <c>… ('comment-id'), … ('vote')</c>.</summary>
    [GeneratedRegex(@"\('([^']+)'\)")]
    private static partial Regex Quoted();
}
