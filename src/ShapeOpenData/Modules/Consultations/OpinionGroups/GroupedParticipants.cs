namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>Who is grouped (README convention 3).</summary>
internal static class GroupedParticipants
{
    /// <summary>
    /// Participants with at least min(7, statements) votes, votes on statements moderated out included; if fewer than 15
    /// qualify, the heaviest voters are added; and anyone grouped before stays grouped, found by key.
    /// </summary>
    public static bool[] Choose(VoteRows rows, long[] participantKeys, ParticipantKeySet previous, OpinionGroupOptions options)
    {
        var threshold = Math.Max(1, Math.Min(options.VotesToBeGrouped, rows.Statements));
        var grouped = new bool[rows.Participants];
        var count = 0;
        for (var p = 0; p < grouped.Length; p++)
        {
            if (rows.VotesOf(p) >= threshold || (previous.Count > 0 && previous.Contains(participantKeys[p])))
            {
                grouped[p] = true;
                count++;
            }
        }
        if (count < options.FewestGrouped)
        {
            // Heaviest first; among equals, the earlier index, so the choice is deterministic.
            var candidates = Enumerable.Range(0, grouped.Length).Where(p => !grouped[p] && rows.VotesOf(p) > 0)
                .OrderByDescending(rows.VotesOf).ThenBy(p => p).Take(options.FewestGrouped - count);
            foreach (var p in candidates)
            {
                grouped[p] = true;
            }
        }
        return grouped;
    }
}
