namespace Platform.Workforce.Rotation;

/// <summary>The dates a rotation acts on (plain: no I/O).</summary>
public static class RotationDates
{
    /// <summary>School year <paramref name="year"/>: from 1 September of it to 31 August of the next.</summary>
    public static (DateOnly From, DateOnly To) SchoolYear(int year) => (new(year, 9, 1), new(year + 1, 8, 31));

    /// <summary>Why a plan of school year <paramref name="year"/> may not take the reference date, or null when it may.</summary>
    public static string? WhyNotReferenceDate(int year, DateOnly referenceDate) =>
        SchoolYear(year) is var (from, to) && (referenceDate < from || referenceDate > to)
            ? $"must fall in school year {year}: from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}."
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
    public static string? WhyNotReturnOn(DateOnly referenceDate, int termYears, DateOnly on) =>
        on <= referenceDate ? $"must be after the term began on {referenceDate:yyyy-MM-dd}."
        : on >= HomeOn(referenceDate, termYears) ? $"must be before the term ends (home on {HomeOn(referenceDate, termYears):yyyy-MM-dd})."
        : null;
}
