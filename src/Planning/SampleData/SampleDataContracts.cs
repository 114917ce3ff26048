namespace Platform.Planning.SampleData;

public sealed record SampleDistrict(string DistrictCode, string Note, DateTime MarkedAt);

public sealed record SampleDataRequest(string[]? DistrictCodes, string? Note);
