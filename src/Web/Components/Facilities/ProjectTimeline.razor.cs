using System.Globalization;
using Microsoft.AspNetCore.Components;
using Platform.Contracts;

namespace Platform.Web.Components.Facilities;

public partial class ProjectTimeline
{
    [Parameter, EditorRequired] public IReadOnlyList<MilestoneView> Milestones { get; set; } = [];

    /// <summary>The time line spans every date the project has, from the January before its first to the December after its last.</summary>
    private (DateOnly From, DateOnly To) Span
    {
        get
        {
            var dates = Milestones.SelectMany(m => new[] { m.Baseline, m.Planned, m.Actual, m.Forecast }).OfType<DateOnly>()
                .DefaultIfEmpty(DateOnly.FromDateTime(DateTime.Today)).ToList();
            return (new DateOnly(dates.Min().Year, 1, 1), new DateOnly(dates.Max().Year, 12, 31));
        }
    }

    /// <summary>Where a date falls on the time line, in percent of its width.</summary>
    private string Percent(DateOnly date) =>
        (100.0 * (date.DayNumber - Span.From.DayNumber) / Math.Max(1, Span.To.DayNumber - Span.From.DayNumber))
        .ToString("0.0", CultureInfo.InvariantCulture);

    internal static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd") ?? "";
}
