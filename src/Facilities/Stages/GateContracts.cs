namespace Platform.Facilities.Stages;

public sealed record GateRequest(string? Gate, DateOnly? Date, string? DocumentReference, string? WaiverReason);

/// <param name="Date">The day of the 立项 approval; today when left out.</param>
public sealed record ApproveRequest(DateOnly? Date, string? DocumentReference);

/// <param name="WaiverReason">Why the gates before 投入使用 that were never recorded are waived; needed only when there are such gates.</param>
public sealed record CommissionRequest(DateOnly? InUseFrom, string? DocumentReference, string? WaiverReason);
