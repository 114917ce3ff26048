using Npgsql;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;

namespace Platform.Planning.Areas;

/// <summary>
/// The districts and zones an imported row may name: a district by its code, a zone by its id or by its name within
/// the row's district (as bureaus' files name them). Only the districts of the importing user's scope may be named.
/// </summary>
public sealed class AreaLookup(IEnumerable<string> districtCodes, IEnumerable<Zone> zones, DistrictScope scope)
{
    private readonly HashSet<string> districts = districtCodes.ToHashSet();
    private readonly Dictionary<Guid, Zone> zonesById = zones.Where(z => scope.Covers(z.DistrictCode)).ToDictionary(z => z.Id);

    public static async Task<AreaLookup> LoadAsync(NpgsqlConnection connection, DistrictScope scope, CancellationToken cancellationToken) =>
        new((await AreaStore.DistrictsAsync(connection, cancellationToken)).Select(d => d.Code),
            await AreaStore.AllZonesAsync(connection, cancellationToken), scope);

    /// <summary>The row's district code, or null with the problem recorded.</summary>
    public string? District(ImportRow row, string key)
    {
        var code = row.Text(key, 12);
        if (code is null || (districts.Contains(code) && scope.Covers(code)))
            return code;
        row.Fail(key, code, districts.Contains(code)
            ? new($"不在您的管辖范围（{scope.Code}）内：只能导入所辖区的数据。",
                $"is outside your district scope ({scope.Code}): you may import only your own district's figures.")
            : PlanningTexts.UnknownDistrict);
        return null;
    }

    /// <summary>The zone the row names in <paramref name="district"/>; null when the cell is empty.</summary>
    /// <returns>false when the cell is required and empty, or names no zone of the district (the problem recorded).</returns>
    public bool TryZone(ImportRow row, string key, string? district, bool required, out Zone? zone)
    {
        zone = null;
        var text = row.Text(key, 100, required);
        if (text is null)
            return !required;
        if (district is null)
            return false;
        zone = Guid.TryParse(text, out var id) && zonesById.TryGetValue(id, out var byId) && byId.DistrictCode == district
            ? byId
            : zonesById.Values.FirstOrDefault(z => z.DistrictCode == district && z.Name == text);
        if (zone is null)
            row.Fail(key, text, new($"不是 {district} 区的学区（请填写已登记的学区名称或编号）。",
                $"is not a zone of district {district} (give its registered name or id)."));
        return zone is not null;
    }
}
