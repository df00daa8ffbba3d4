using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.EthicsAssessments.Pages.Stages;

/// <summary>
/// A team member assesses the project at a stage: a score from 0 to 5 for each principle and action, with notes.
/// Every stage may be assessed again later; each time is a new record.
/// </summary>
[Authorize]
public sealed class NewModel(AssessmentReports reports, EthicsAssessmentWorkflow workflow, TimeProvider clock) : AssessmentPage(reports)
{
    public static readonly IReadOnlyList<GovukOption> Stages = GovukOption.FromEnum<ProjectStage>();
    public static readonly IReadOnlyList<GovukOption> Scores =
        [.. Enumerable.Range(EthicsFramework.MinScore, EthicsFramework.MaxScore + 1).Select(s => new GovukOption(s.ToString(CultureInfo.InvariantCulture), s.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>One principle or action as typed.</summary>
    public sealed class ItemField
    {
        public string? Score { get; set; }
        public string? Notes { get; set; }
    }

    [BindProperty] public string? Stage { get; set; }
    [BindProperty] public DateInput AssessedOn { get; set; } = new();
    [BindProperty] public List<ItemField> Items { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        AssessedOn = DateInput.From(clock.Today());
        Items = [.. Enum.GetValues<EthicsItem>().Select(_ => new ItemField())];
        return await LoadForTeamAsync(slug, cancellationToken) ?? Page();
    }

    public Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var stage = ModelState.Choice<ProjectStage>(nameof(Stage), Stage, "Select the stage the project is at");
        var assessedOn = AssessedOn.Read(ModelState, nameof(AssessedOn), "the date of the assessment");
        var answers = ReadAnswers();
        return ActAsync(slug, "", async () =>
        {
            await workflow.AssessAsync(slug, stage!.Value, assessedOn!.Value, answers, User, cancellationToken);
            TempData.Success($"The {stage.Value.ToText().ToLowerInvariant()} stage has been assessed. We have emailed the rest of the team");
        }, nameof(AssessedOn), EthicsAssessmentWorkflow.UrlOf(slug), cancellationToken);
    }

    /// <summary>Every item's score and notes, with an error on each one missing, out of range or too long.</summary>
    private List<ItemAnswer> ReadAnswers()
    {
        var items = Enum.GetValues<EthicsItem>();
        while (Items.Count < items.Length)
        {
            Items.Add(new ItemField());
        }
        var answers = new List<ItemAnswer>();
        for (var i = 0; i < items.Length; i++)
        {
            var key = $"{nameof(Items)}[{i}]";
            var notes = ModelState.Optional($"{key}.{nameof(ItemField.Notes)}", Items[i].Notes, ItemScore.NotesMaxLength, $"The notes on {items[i].ToText().ToLowerInvariant()}");
            if (!int.TryParse(Items[i].Score, NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score > EthicsFramework.MaxScore)
            {
                ModelState.AddModelError($"{key}.{nameof(ItemField.Score)}", $"Select a score from 0 to 5 for {items[i].ToText().ToLowerInvariant()}");
                continue;
            }
            answers.Add(new ItemAnswer(items[i], score, notes));
        }
        return answers;
    }
}
