namespace Platform.Planning.SampleData;

public sealed record SampleDataRequest(string[]? DistrictCodes, string? Note);
