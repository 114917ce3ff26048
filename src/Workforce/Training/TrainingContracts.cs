using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Workforce.Training;

public sealed record TrainingPreview(string StaffNumber, string Course, DateOnly Date, double Hours, string Change) : IPreviewRow;

/// <param name="MaxHoursPerMonth">
/// The most hours a teacher can still do in a month, which decides who can no longer finish (40 unless given, 1 to 200).
/// </param>
/// <param name="AlertMonths">How many months before a period ends a teacher owing hours is raised (3 unless given; 0 never).</param>
public sealed record StatusQuery(
    string DistrictCode, Guid? SchoolId, DateOnly? AsOf, [property: Bounds(1, 200)] double? MaxHoursPerMonth,
    [property: Bounds(0, 24)] int? AlertMonths);
