using Platform.BuildingBlocks.Http;

namespace Platform.Workforce.Staffing;

public sealed record ProfileRequest([property: Bounds(1, 5)] int? Strength, string? GroupName);

/// <summary>A school's staffing in one subject: posts approved (核定) against 在编 teachers whose main subject it is.</summary>
public sealed record SubjectStaffing(string Subject, int Approved, int Actual, int Balance);

/// <param name="MissingArtsAndSports">音乐, 体育 or 美术 with no teacher at the school.</param>
public sealed record SchoolStaffing(
    Guid SchoolId, string SchoolName, int? Strength, string? GroupName, IReadOnlyList<SubjectStaffing> Subjects,
    IReadOnlyList<string> MissingArtsAndSports);
