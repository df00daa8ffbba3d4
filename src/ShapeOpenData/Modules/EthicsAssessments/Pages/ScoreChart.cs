using System.Globalization;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.EthicsAssessments.Pages;

/// <summary>
/// The latest scores of each stage as grouped horizontal bars — one group per principle or action, one bar per stage —
/// laid out here so the view only draws. Each stage has a GOV.UK colour and each bar is labelled with its score, so
/// nothing is told by colour alone; the table after the chart gives the same figures.
/// </summary>
public sealed class ScoreChart
{
    public const int Width = 720;
    public const int LabelWidth = 230;
    private const int PlotLeft = LabelWidth + 10;
    private const int PlotRight = Width - 110;
    private const int Top = 50;
    private const int BarHeight = 14;
    private const int GroupGap = 14;

    public sealed record Bar(double X, double Y, double Width, double Height, string Colour, string Label, double LabelX);
    public sealed record Group(string Name, double LabelY, IReadOnlyList<Bar> Bars);
    public sealed record Tick(double X, int Score);
    public sealed record Key(double X, string Colour, string Name);

    public IReadOnlyList<Group> Groups { get; }
    public IReadOnlyList<Tick> Ticks { get; }
    public IReadOnlyList<Key> Keys { get; }
    public double Height { get; }
    public double PlotTop => Top - 6;
    public double PlotBottom { get; }
    public string Description { get; }

    public ScoreChart(IReadOnlyList<StageRecord> latest)
    {
        var step = (PlotRight - PlotLeft) / (double)EthicsFramework.MaxScore;
        var y = (double)Top;
        var groups = new List<Group>();
        foreach (var item in Enum.GetValues<EthicsItem>())
        {
            var bars = latest.Select((stage, i) =>
            {
                var score = stage.ScoreOf(item);
                var width = score * step;
                return new Bar(PlotLeft, y + i * BarHeight, width, BarHeight - 2, ColourOf(stage.Stage),
                    $"{stage.Stage.ToText()}: {score.ToString(CultureInfo.InvariantCulture)}", PlotLeft + width + 4);
            }).ToList();
            groups.Add(new Group(EthicsFramework.ShortName(item), y + latest.Count * BarHeight / 2.0, bars));
            y += latest.Count * BarHeight + GroupGap;
        }
        Groups = groups;
        PlotBottom = y - GroupGap + 6;
        Height = PlotBottom + 24;
        Ticks = [.. Enumerable.Range(EthicsFramework.MinScore, EthicsFramework.MaxScore + 1).Select(s => new Tick(PlotLeft + s * step, s))];
        Keys = [.. latest.Select((stage, i) => new Key(PlotLeft + i * 115, ColourOf(stage.Stage), stage.Stage.ToText()))];
        Description = "Latest scores from 0 to 5 at each stage assessed. " + string.Join(" ", latest.Select(s =>
            $"{s.Stage.ToText()} stage ({s.AssessedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}): " +
            string.Join(", ", s.Scores.Select(i => $"{EthicsFramework.ShortName(i.Item)} {i.Score.ToString(CultureInfo.InvariantCulture)}")) + "."));
    }

    /// <summary>Coordinates in SVG, written the same whatever the server's culture.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>GOV.UK blue, orange, green and purple: told apart also by each bar's label.</summary>
    public static string ColourOf(ProjectStage stage) => stage switch
    {
        ProjectStage.Start => "#1d70b8",
        ProjectStage.Development => "#f47738",
        ProjectStage.Live => "#00703c",
        _ => "#912b88",
    };
}
