namespace Platform.Planning.Forecasting;

/// <summary>
/// Enrolment E[g,t] by grade and school year (the year the school year starts), dense for speed. Unknown cells are
/// NaN; reading outside the grid gives NaN too.
/// </summary>
public sealed class EnrolmentGrid
{
    private readonly double[] values;

    public EnrolmentGrid(int firstYear, int lastYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);
        FirstYear = firstYear;
        LastYear = lastYear;
        values = new double[Grades.Count * Years];
        Array.Fill(values, double.NaN);
    }

    public int FirstYear { get; }
    public int LastYear { get; }
    private int Years => LastYear - FirstYear + 1;

    public double this[int grade, int year]
    {
        get => Contains(grade, year) ? values[Index(grade, year)] : double.NaN;
        set
        {
            if (!Contains(grade, year))
                throw new ArgumentOutOfRangeException(
                    nameof(year), $"Grade {grade} in {year} is outside the grid ({FirstYear}-{LastYear}).");
            values[Index(grade, year)] = value;
        }
    }

    public bool Contains(int grade, int year) => grade is >= Grades.Min and <= Grades.Max && year >= FirstYear && year <= LastYear;

    private int Index(int grade, int year) => (grade - Grades.Min) * Years + (year - FirstYear);
}
