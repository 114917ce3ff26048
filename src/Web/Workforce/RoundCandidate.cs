namespace Platform.Web.Workforce;

/// <summary>A teacher in an appointment round, as Workforce answers it.</summary>
/// <param name="Preferences">The schools the teacher asked for in 跨校竞聘, the first preferred.</param>
public sealed record RoundCandidate(
    Guid TeacherId, string Name, Guid HomeSchoolId, string Subject, Guid? PlacedSchoolId, string? PlacedIn, string? UnplacedOutcome,
    Guid[] Preferences);
