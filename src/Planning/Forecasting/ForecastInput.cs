namespace Platform.Planning.Forecasting;

/// <summary>A school's history: the grades it serves and its enrolment up to (at least) the base year.</summary>
public sealed record SchoolHistory(string SchoolId, string ZoneId, string DistrictId, IReadOnlySet<int> Grades, EnrolmentGrid Enrolment);

/// <summary>A residential development: dwellings completed in a year, in a zone.</summary>
public sealed record HousingDevelopment(string ZoneId, int Dwellings, int CompletionYear);

/// <summary>
/// What a forecast is made from. Births are keyed by area: a zone's own births are used for its schools when given,
/// otherwise the district's. The births series must reach the last year the horizon needs (a scenario extends it
/// past the last registered year).
/// </summary>
public sealed record ForecastInput(
    int BaseYear,
    IReadOnlyList<SchoolHistory> Schools,
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> BirthsByArea,
    IReadOnlyList<HousingDevelopment> Housing)
{
    public IReadOnlyDictionary<int, double>? BirthsFor(SchoolHistory school) =>
        BirthsByArea.TryGetValue(school.ZoneId, out var zone) ? zone
        : BirthsByArea.TryGetValue(school.DistrictId, out var district) ? district
        : null;
}

/// <summary>The inputs cannot support the forecast asked for; the reason says what is missing, in the user's words.</summary>
public sealed class ForecastInputException(UserText reason) : Exception(reason.En)
{
    public UserText Reason => reason;
}
