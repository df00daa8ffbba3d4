using System.Text;
using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Model;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>What happened to a section between two versions of a document.</summary>
public enum SectionChange
{
    Unchanged,
    Changed,
    Added,
    Removed,
}

/// <summary>Text kept, inserted or deleted between two versions.</summary>
public enum TextChange
{
    Kept,
    Inserted,
    Deleted,
}

/// <summary>A run of text that was kept, inserted or deleted.</summary>
public sealed record TextPiece(TextChange Change, string Text);

/// <summary>
/// One section compared across two versions: its number in each (null where it is not there), and its heading and
/// text as runs of kept, inserted and deleted words.
/// </summary>
public sealed record SectionDiff(SectionChange Change, int? FromNumber, int? ToNumber, IReadOnlyList<TextPiece> Heading, IReadOnlyList<TextPiece> Body);

/// <summary>
/// A readable comparison of two versions of a document (DiffPlex underneath): sections are matched by heading in
/// order, and a section whose heading changed is still matched when most of its words are the same; within a
/// matched section, the words inserted and deleted.
/// </summary>
public static partial class DocumentDiff
{
    /// <summary>A renamed section is the same section when at least this share of its words is kept.</summary>
    private const double SameSectionShare = 0.5;

    public static IReadOnlyList<SectionDiff> Compare(IReadOnlyList<Section> from, IReadOnlyList<Section> to)
    {
        // Each heading is one line: the sections are aligned as lines, as a text diff aligns lines.
        var headings = Differ.Instance.CreateDiffs(Lines(from), Lines(to), ignoreWhiteSpace: true, ignoreCase: true, new LineChunker());
        var diffs = new List<SectionDiff>();
        var (a, b) = (0, 0);
        foreach (var block in headings.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++, b++)
            {
                diffs.Add(Matched(from[a], to[b]));
            }
            var (removed, added) = (from.Skip(block.DeleteStartA).Take(block.DeleteCountA).ToList(), to.Skip(block.InsertStartB).Take(block.InsertCountB).ToList());
            for (var i = 0; i < Math.Max(removed.Count, added.Count); i++)
            {
                if (i < removed.Count && i < added.Count && KeptShare(removed[i].Body, added[i].Body) >= SameSectionShare)
                {
                    diffs.Add(Matched(removed[i], added[i]));
                    continue;
                }
                if (i < removed.Count)
                {
                    diffs.Add(new(SectionChange.Removed, removed[i].Number, null, [new(TextChange.Deleted, removed[i].Heading)], [new(TextChange.Deleted, removed[i].Body)]));
                }
                if (i < added.Count)
                {
                    diffs.Add(new(SectionChange.Added, null, added[i].Number, [new(TextChange.Inserted, added[i].Heading)], [new(TextChange.Inserted, added[i].Body)]));
                }
            }
            (a, b) = (block.DeleteStartA + block.DeleteCountA, block.InsertStartB + block.InsertCountB);
        }
        for (; a < from.Count; a++, b++)
        {
            diffs.Add(Matched(from[a], to[b]));
        }
        return diffs;
    }

    /// <summary>
    /// The words of <paramref name="to"/> against <paramref name="from"/>: kept, inserted and deleted runs, with a
    /// change of several words in a row shown as one deletion followed by one insertion.
    /// </summary>
    public static IReadOnlyList<TextPiece> Words(string from, string to)
    {
        var result = Differ.Instance.CreateDiffs(from, to, ignoreWhiteSpace: false, ignoreCase: false, new WordChunker());
        var pieces = Walk(result).ToList();
        // A space kept between two changes splits one change in two ("<del>a</del> <del>b</del>"): count it as changed.
        for (var i = 1; i < pieces.Count - 1; i++)
        {
            if (pieces[i].Change == TextChange.Kept && string.IsNullOrWhiteSpace(pieces[i].Text) && pieces[i - 1].Change != TextChange.Kept && pieces[i + 1].Change != TextChange.Kept)
            {
                pieces[i] = new(TextChange.Deleted, pieces[i].Text);
                pieces.Insert(i + 1, new(TextChange.Inserted, pieces[i].Text));
                i++;
            }
        }
        return Gather(pieces);
    }

    private static SectionDiff Matched(Section from, Section to)
    {
        var same = from.Heading == to.Heading && from.Body == to.Body;
        return new(same ? SectionChange.Unchanged : SectionChange.Changed, from.Number, to.Number,
            Words(from.Heading, to.Heading), same ? [new(TextChange.Kept, to.Body)] : Words(from.Body, to.Body));
    }

    /// <summary>The share of words kept from one text to the other, of the longer of the two.</summary>
    private static double KeptShare(string from, string to)
    {
        var result = Differ.Instance.CreateDiffs(from, to, ignoreWhiteSpace: true, ignoreCase: true, new WordChunker());
        var words = Math.Max(result.PiecesOld.Count(IsWord), result.PiecesNew.Count(IsWord));
        return words == 0 ? 1 : (double)Walk(result).Count(p => p.Change == TextChange.Kept && IsWord(p.Text)) / words;
    }

    private static bool IsWord(string piece) => !string.IsNullOrWhiteSpace(piece);

    private static IEnumerable<TextPiece> Walk(DiffResult result)
    {
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++)
            {
                yield return new(TextChange.Kept, result.PiecesOld[a]);
            }
            for (var i = 0; i < block.DeleteCountA; i++)
            {
                yield return new(TextChange.Deleted, result.PiecesOld[a++]);
            }
            for (var i = 0; i < block.InsertCountB; i++)
            {
                yield return new(TextChange.Inserted, result.PiecesNew[block.InsertStartB + i]);
            }
        }
        for (; a < result.PiecesOld.Count; a++)
        {
            yield return new(TextChange.Kept, result.PiecesOld[a]);
        }
    }

    /// <summary>
    /// Runs of the same kind joined; within each stretch of change, the deletion before the insertion. A change of
    /// white space alone (a doubled space, a line break moved) is not worth showing: it reads as kept.
    /// </summary>
    private static List<TextPiece> Gather(List<TextPiece> pieces)
    {
        var gathered = new List<TextPiece>();
        void Add(TextChange change, string text)
        {
            if (text.Length == 0) return;
            if (gathered.Count > 0 && gathered[^1].Change == change)
            {
                gathered[^1] = new(change, gathered[^1].Text + text);
                return;
            }
            gathered.Add(new(change, text));
        }
        for (var i = 0; i < pieces.Count;)
        {
            if (pieces[i].Change == TextChange.Kept)
            {
                Add(TextChange.Kept, pieces[i++].Text);
                continue;
            }
            var (deleted, inserted) = (new StringBuilder(), new StringBuilder());
            for (; i < pieces.Count && pieces[i].Change != TextChange.Kept; i++)
            {
                (pieces[i].Change == TextChange.Deleted ? deleted : inserted).Append(pieces[i].Text);
            }
            if (string.IsNullOrWhiteSpace(deleted.ToString()) && string.IsNullOrWhiteSpace(inserted.ToString()))
            {
                Add(TextChange.Kept, inserted.ToString());
                continue;
            }
            Add(TextChange.Deleted, deleted.ToString());
            Add(TextChange.Inserted, inserted.ToString());
        }
        return gathered;
    }

    private static string Lines(IReadOnlyList<Section> sections) =>
        string.Join('\n', sections.Select(s => Spaces().Replace(s.Heading, " ").Trim()));

    /// <summary>Words, runs of white space and single marks, so that every character of the text is in some piece.</summary>
    [GeneratedRegex(@"\s+|[\p{L}\p{N}_'’-]+|.", RegexOptions.Singleline)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private sealed class WordChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => [.. Tokens().Matches(text).Select(m => m.Value)];
    }

    private sealed class LineChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => text.Length == 0 ? [] : text.Split('\n');
    }
}
