namespace Platform.Planning.Forecasting;

/// <summary>
/// Part of a zone's demand in a stage sent to another zone's school from a year on (施教区 adjusted, or a new
/// school given part of a neighbouring zone's intake).
/// </summary>
public sealed record ZoneDemandMove(string FromZone, string ToZone, string Stage, double Share, int FromYear);

public static class DemandMoves
{
    /// <summary>
    /// Moves each share of the zone demand it names, from the year it names; shares are taken from the demand before
    /// any move, so moves from the same zone add up rather than compound.
    /// </summary>
    public static IReadOnlyList<DemandRow> Apply(IReadOnlyList<DemandRow> zoneRows, IReadOnlyList<ZoneDemandMove> moves)
    {
        if (moves.Count == 0)
            return zoneRows;
        var rows = zoneRows.ToDictionary(r => (r.Unit, r.Stage, r.Year));
        var original = zoneRows.ToDictionary(r => (r.Unit, r.Stage, r.Year));
        foreach (var move in moves)
            foreach (var from in original.Values.Where(r => r.Unit == move.FromZone && r.Stage == move.Stage && r.Year >= move.FromYear))
            {
                var (pupils, housing) = (from.Pupils * move.Share, from.FromHousing * move.Share);
                var source = rows[(from.Unit, from.Stage, from.Year)];
                rows[(from.Unit, from.Stage, from.Year)] =
                    source with { Pupils = source.Pupils - pupils, FromHousing = source.FromHousing - housing };
                var key = (move.ToZone, from.Stage, from.Year);
                var target = rows.GetValueOrDefault(key, new DemandRow(move.ToZone, from.Stage, from.Year, 0, 0));
                rows[key] = target with { Pupils = target.Pupils + pupils, FromHousing = target.FromHousing + housing };
            }
        return rows.Values
            .OrderBy(r => r.Unit, StringComparer.Ordinal).ThenBy(r => r.Stage, StringComparer.Ordinal).ThenBy(r => r.Year)
            .ToList();
    }
}
