using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Workforce.Training;

public sealed record TrainingPreview(string StaffNumber, string Course, DateOnly Date, double Hours, string Change) : IPreviewRow;

public sealed record TeacherTraining(
    Guid TeacherId, string StaffNumber, string Name, Guid SchoolId, string SchoolName, TrainingStatus Status,
    bool CannotFinish, IReadOnlyList<RuleProgress> Rules);

public sealed record SchoolTraining(
    Guid SchoolId, string SchoolName, int Teachers, int Done, int OnTrack, int Behind, int CannotFinish, double CompletionRate);

/// <param name="MaxHoursPerMonth">
/// The most hours a teacher can still do in a month, which decides who can no longer finish (40 unless given, 1 to 200).
/// </param>
public sealed record StatusQuery(
    string DistrictCode, Guid? SchoolId, DateOnly? AsOf, [property: Bounds(1, 200)] double? MaxHoursPerMonth);
