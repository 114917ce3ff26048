namespace Platform.Workforce.Rotation;

/// <summary>The dates a rotation acts on (plain: no I/O).</summary>
public static class RotationDates
{
    /// <summary>School year <paramref name="year"/>: from 1 September of it to 31 August of the next.</summary>
    public static (DateOnly From, DateOnly To) SchoolYear(int year) => (new(year, 9, 1), new(year + 1, 8, 31));

    /// <summary>Why a plan of school year <paramref name="year"/> may not take the reference date, or null when it may.</summary>
    public static UserText? WhyNotReferenceDate(int year, DateOnly referenceDate) =>
        SchoolYear(year) is var (from, to) && (referenceDate < from || referenceDate > to)
            ? new($"须在 {year} 学年内：{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}。",
                $"must fall in school year {year}: from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}.")
            : null;

    /// <summary>
    /// The day a teacher is home again at the end of a term of <paramref name="termYears"/> school years (extensions
    /// included) that began on <paramref name="referenceDate"/>.
    /// </summary>
    public static DateOnly HomeOn(DateOnly referenceDate, int termYears) => referenceDate.AddYears(termYears);

    /// <summary>
    /// Why a teacher may not return early on <paramref name="on"/>, or null when they may: after the term began and
    /// before it ends.
    /// </summary>
    public static UserText? WhyNotReturnOn(DateOnly referenceDate, int termYears, DateOnly on) =>
        on <= referenceDate
            ? new($"须晚于交流开始日期 {referenceDate:yyyy-MM-dd}。",
                $"must be after the term began on {referenceDate:yyyy-MM-dd}.")
        : HomeOn(referenceDate, termYears) is var home && on >= home
            ? new($"须早于交流期满返回日期 {home:yyyy-MM-dd}。", $"must be before the term ends (home on {home:yyyy-MM-dd}).")
        : null;
}
