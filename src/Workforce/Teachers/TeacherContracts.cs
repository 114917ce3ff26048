using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Workforce.Teachers;

public sealed record TeacherPreview(string StaffNumber, string Name, Guid SchoolId, string Change) : IPreviewRow;

/// <summary>One teacher as JSON, in the words the import takes (性别 男/女 or male/female, 职称, dates as text, subjects as a list).</summary>
public sealed record TeacherRequest(
    string? StaffNumber, string? Name, string? Gender, string? BirthDate, Guid? SchoolId, string? AtSchoolSince, string[]? Subjects,
    string? Title, string? Backbone, string? Establishment, string? HiredOn, string? Role, string? Exemption,
    string? ExemptionNote = null, string? ExemptionFrom = null, string? ExemptionTo = null, string? Stage = null);
