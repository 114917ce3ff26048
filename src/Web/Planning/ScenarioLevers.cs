using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Web.Text;

namespace Platform.Web.Planning;

/// <summary>The scenario editor's form: every lever of a scenario, as a planner types it (shares in per cent).</summary>
public sealed class ScenarioForm
{
    public string? DistrictCode { get; set; }
    public string? Name { get; set; }
    public int Horizon { get; set; } = 10;
    public string Variant { get; set; } = "central";
    public string FacilityProjects { get; set; } = "approved";
    public string Method { get; set; } = "weightedMean";
    public int RatioYears { get; set; } = 3;
    public double Alpha { get; set; } = 0.4;
    public int EntryRatioYears { get; set; } = 3;
    public double BirthGrowthPercent { get; set; }
    /// <summary>One "year births" pair per line: births the planner expects, where registered births end.</summary>
    public string? BirthSeries { get; set; }
    public double MigrationFactor { get; set; } = 1.0;
    public bool Housing { get; set; }
    /// <summary>Pupils per class by stage (小班化); a stage left empty keeps each school's own norm.</summary>
    public Dictionary<string, int?> ClassSizeNorms { get; set; } = [];
    public List<SchoolChangeRow> SchoolChanges { get; set; } = [];
    public List<DemandMoveRow> DemandMoves { get; set; } = [];
}

public sealed class SchoolChangeRow
{
    public Guid? SchoolId { get; set; }
    public string Change { get; set; } = "open";
    public int? Year { get; set; }
}

public sealed class DemandMoveRow
{
    public Guid? FromZoneId { get; set; }
    public Guid? ToSchoolId { get; set; }
    public string Stage { get; set; } = "primary";
    public double? SharePercent { get; set; }
    public int? FromYear { get; set; }
}

/// <summary>Between a scenario's levers as Planning stores them (JSON) and the editor's form.</summary>
public static class ScenarioLevers
{
    public static readonly string[] Methods = ["weightedMean", "mean", "median", "lastValue", "exponentialSmoothing"];

    private static readonly char[] YearSeparators = [' ', '\t', ',', '，', ':', '：', '='];

    /// <summary>Blank rows a planner can fill in on the page; rows left without a school or zone are not saved.</summary>
    private const int BlankRows = 2;

    /// <summary>Pupils per dwelling by stage and how a development fills over its first years (domain.md's defaults).</summary>
    private static JsonObject DefaultHousing() => new()
    {
        ["yieldPerDwelling"] = new JsonObject { ["kindergarten"] = 0.06, ["primary"] = 0.12, ["junior_secondary"] = 0.05 },
        ["maturation"] = new JsonArray(0.4, 0.8, 1.0, 1.0, 0.8, 0.6),
    };

    public static ScenarioForm Read(string districtCode, string name, JsonObject levers) => new()
    {
        DistrictCode = districtCode,
        Name = name,
        Horizon = Value<int?>(levers, "horizon") ?? 10,
        Variant = Value<string>(levers, "variant") ?? "central",
        FacilityProjects = Value<string>(levers, "facilityProjects") ?? "approved",
        Method = Methods.FirstOrDefault(m => m.Equals(Value<string>(levers, "method"), StringComparison.OrdinalIgnoreCase))
            ?? "weightedMean",
        RatioYears = Value<int?>(levers, "ratioYears") ?? 3,
        Alpha = Value<double?>(levers, "alpha") ?? 0.4,
        EntryRatioYears = Value<int?>(levers, "entryRatioYears") ?? 3,
        BirthGrowthPercent = Math.Round((Value<double?>(levers, "birthGrowth") ?? 0) * 100, 2),
        BirthSeries = levers["birthSeries"] is JsonObject series
            ? string.Join('\n', series.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key} {b.Value}"))
            : null,
        MigrationFactor = Value<double?>(levers, "migrationFactor") ?? 1.0,
        Housing = levers["housing"] is JsonObject,
        ClassSizeNorms = (levers["classSizeNorms"] as JsonObject)?.ToDictionary(n => n.Key, n => n.Value?.Deserialize<int?>()) ?? [],
        SchoolChanges = (levers["schoolChanges"] as JsonArray ?? []).OfType<JsonObject>().Select(change => new SchoolChangeRow
        {
            SchoolId = Value<Guid?>(change, "schoolId"), Change = Value<string>(change, "change") ?? "open",
            Year = Value<int?>(change, "year"),
        }).ToList(),
        DemandMoves = (levers["demandMoves"] as JsonArray ?? []).OfType<JsonObject>().Select(move => new DemandMoveRow
        {
            FromZoneId = Value<Guid?>(move, "fromZoneId"), ToSchoolId = Value<Guid?>(move, "toSchoolId"),
            Stage = Value<string>(move, "stage") ?? "primary",
            SharePercent = Value<double?>(move, "share") is { } share ? Math.Round(share * 100, 2) : null,
            FromYear = Value<int?>(move, "fromYear"),
        }).ToList(),
    };

    /// <summary>Keeps two blank rows at the end of each list for the planner to fill in.</summary>
    public static void PrepareForEditing(ScenarioForm form)
    {
        // A posted form binds a list or norms it does not carry (a new scenario's rows, empty norms) to null.
        form.SchoolChanges ??= [];
        form.DemandMoves ??= [];
        form.ClassSizeNorms ??= [];
        while (form.SchoolChanges.Count(r => r.SchoolId is null) < BlankRows)
            form.SchoolChanges.Add(new SchoolChangeRow());
        while (form.DemandMoves.Count(r => r.FromZoneId is null && r.ToSchoolId is null) < BlankRows)
            form.DemandMoves.Add(new DemandMoveRow());
    }

    /// <summary>
    /// The form's levers written over the stored ones, keeping what the form does not show (the level, a base year, a
    /// district's own housing yields); or the words for a birth-series line that cannot be read.
    /// </summary>
    public static (JsonObject? Levers, string? Problem) Write(ScenarioForm form, JsonObject stored, Texts texts)
    {
        var births = new JsonObject();
        var lines = (form.BirthSeries ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            // The year, then the births, which may carry thousands separators: "2026 3,100", "2026,3100", "2026：3100".
            var parts = lines[i].Split(YearSeparators, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], out var year)
                || !int.TryParse(parts[1].TrimStart(YearSeparators), NumberStyles.AllowThousands, CultureInfo.InvariantCulture,
                    out var count))
                return (null, texts.Format("editor.birth-series.bad", i + 1, lines[i]));
            births[year.ToString(CultureInfo.InvariantCulture)] = count;
        }
        var levers = stored.DeepClone().AsObject();
        levers["horizon"] = form.Horizon;
        levers["variant"] = form.Variant;
        levers["facilityProjects"] = form.FacilityProjects;
        levers["method"] = form.Method;
        levers["ratioYears"] = form.RatioYears;
        levers["alpha"] = form.Alpha;
        levers["entryRatioYears"] = form.EntryRatioYears;
        levers["birthGrowth"] = form.BirthGrowthPercent / 100;
        levers["birthSeries"] = births.Count > 0 ? births : null;
        levers["migrationFactor"] = form.MigrationFactor;
        levers["housing"] = form.Housing ? stored["housing"]?.DeepClone() ?? DefaultHousing() : null;
        var norms = form.ClassSizeNorms.Where(n => n.Value is not null).ToList();
        levers["classSizeNorms"] = norms.Count > 0
            ? new JsonObject(norms.Select(n => KeyValuePair.Create(n.Key, (JsonNode?)n.Value!.Value)))
            : null;
        levers["schoolChanges"] = new JsonArray(form.SchoolChanges.Where(r => r.SchoolId is not null)
            .Select(r => (JsonNode)new JsonObject { ["schoolId"] = r.SchoolId, ["change"] = r.Change, ["year"] = r.Year }).ToArray());
        levers["demandMoves"] = new JsonArray(form.DemandMoves.Where(r => r.FromZoneId is not null || r.ToSchoolId is not null)
            .Select(r => (JsonNode)new JsonObject
            {
                ["fromZoneId"] = r.FromZoneId, ["toSchoolId"] = r.ToSchoolId, ["stage"] = r.Stage, ["share"] = r.SharePercent / 100,
                ["fromYear"] = r.FromYear,
            }).ToArray());
        return (levers, null);
    }

    private static T? Value<T>(JsonObject json, string key) => json[key] is { } value ? value.Deserialize<T>() : default;
}
