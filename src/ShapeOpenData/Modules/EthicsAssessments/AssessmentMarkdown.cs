using System.Globalization;
using System.Text;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.EthicsAssessments;

/// <summary>
/// An assessment as a Markdown document (CommonMark with GitHub tables) a team can paste into its own records: the
/// latest scores of each stage as a table, then every assessment with its notes. What people typed is escaped, so it
/// reads as they typed it and never turns into links, images or HTML; the description is their own Markdown, kept as it is.
/// </summary>
public static class AssessmentMarkdown
{
    /// <summary>Characters that could start Markdown (or HTML) inside a line or a table cell.</summary>
    private const string Special = "\\`*_[]<>|~!&#";

    public static string Write(AssessmentReport report)
    {
        var a = report.Assessment;
        var md = new StringBuilder();
        md.Append("# Data ethics self-assessment: ").AppendLine(Escape(a.ProjectName)).AppendLine();
        if (report.OrganisationName is { } organisation)
        {
            md.Append("Organisation: ").AppendLine(Escape(organisation)).AppendLine();
        }
        md.AppendLine(a.PublishedAt is { } published ? $"Published on {Day(published)}." : "Private to the project team: not published.").AppendLine();
        md.AppendLine(a.Description.Trim()).AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Scores are from {EthicsFramework.MinScore} to {EthicsFramework.MaxScore}: {EthicsFramework.ScaleExplained}.").AppendLine();

        md.AppendLine("## Latest scores at each stage").AppendLine();
        if (report.Latest.Count == 0)
        {
            md.AppendLine("No stage has been assessed yet.").AppendLine();
        }
        else
        {
            md.Append("| Principle or action |").AppendJoin("", report.Latest.Select(s => $" {s.Stage.ToText()} ({s.AssessedOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}) |")).AppendLine();
            md.Append("| --- |").AppendJoin("", report.Latest.Select(_ => " ---: |")).AppendLine();
            foreach (var item in Enum.GetValues<EthicsItem>())
            {
                md.Append("| ").Append(item.ToText()).Append(" |").AppendJoin("", report.Latest.Select(s => string.Create(CultureInfo.InvariantCulture, $" {s.ScoreOf(item)} |"))).AppendLine();
            }
            md.AppendLine();
        }

        md.AppendLine("## History").AppendLine();
        foreach (var stage in report.History)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {stage.Stage.ToText()} stage, assessed on {stage.AssessedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} by {Escape(stage.AssessedBy)}").AppendLine();
            md.AppendLine("| Principle or action | Score | Notes |").AppendLine("| --- | ---: | --- |");
            foreach (var score in stage.Scores)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {score.Item.ToText()} | {score.Score} | {Escape(score.Notes ?? "")} |");
            }
            md.AppendLine();
        }
        if (report.History.Count == 0)
        {
            md.AppendLine("Nothing has been recorded yet.").AppendLine();
        }
        return md.ToString();
    }

    /// <summary>Text on one line with every character that could mean something in Markdown escaped with a backslash.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static string Day(DateTime utc) => utc.ToUkTime().ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
