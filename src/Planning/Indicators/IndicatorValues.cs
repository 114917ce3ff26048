namespace Platform.Planning.Indicators;

/// <summary>A district's figures for one school year, summed from the registry, enrolment and population.</summary>
/// <param name="Aged3To5">Resident population aged 3 to 5; null when not imported for the year.</param>
public sealed record YearFigures(
    int Year, int KindergartenPupils, int PublicKindergartenPupils, int InclusiveKindergartenPupils,
    int Grade1Pupils, int Grade9Pupils, int SeniorPupils, int? Aged3To5, int? Aged15To17);

/// <summary>What the registry says today about a district's compulsory schools, with the latest year's enrolment.</summary>
public sealed record RegistryFigures(
    int Year, int CompulsoryClasses, int LargeCompulsoryClasses, int OpenCompulsorySchools, int ZonedCompulsorySchools);

public sealed record IndicatorValue(string IndicatorCode, int Year, double Value);

/// <summary>
/// The indicators Planning can compute from its own data (formulas in the indicators table; plain, no I/O). A value
/// is left out when its denominator is missing or zero, never guessed.
/// </summary>
public static class IndicatorValues
{
    public static IReadOnlyList<IndicatorValue> Compute(IReadOnlyList<YearFigures> years, RegistryFigures? registry)
    {
        var values = new List<IndicatorValue>();
        var byYear = years.ToDictionary(y => y.Year);
        void Add(string code, int year, double numerator, double? denominator)
        {
            if (denominator is > 0)
                values.Add(new IndicatorValue(code, year, Math.Round(100 * numerator / denominator.Value, 2)));
        }
        foreach (var y in years.OrderBy(y => y.Year))
        {
            Add("preschool_gross_enrolment", y.Year, y.KindergartenPupils, y.Aged3To5);
            Add("inclusive_kindergarten_coverage", y.Year,
                y.PublicKindergartenPupils + y.InclusiveKindergartenPupils, y.KindergartenPupils);
            Add("public_kindergarten_share", y.Year, y.PublicKindergartenPupils, y.KindergartenPupils);
            // 巩固率: the grade 9 cohort against the same cohort when it entered grade 1, eight years before.
            if (y.Grade9Pupils > 0 && byYear.TryGetValue(y.Year - 8, out var entry))
                Add("compulsory_retention", y.Year, y.Grade9Pupils, entry.Grade1Pupils);
            if (y.SeniorPupils > 0)
                Add("senior_gross_enrolment", y.Year, y.SeniorPupils, y.Aged15To17);
        }
        if (registry is not null)
        {
            Add("zoned_schooling_share", registry.Year, registry.ZonedCompulsorySchools, registry.OpenCompulsorySchools);
            Add("large_class_share", registry.Year, registry.LargeCompulsoryClasses, registry.CompulsoryClasses);
        }
        return values;
    }
}
