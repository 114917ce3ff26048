namespace Platform.Web.Workforce;

/// <summary>A teacher the plan could still take, as the add form lists them: name and school.</summary>
public sealed record RotationCandidate(string TeacherId, string Label);
