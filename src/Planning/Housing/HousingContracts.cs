using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Planning.Housing;

public sealed record HousingView(string DistrictCode, string Name, Guid ZoneId, string ZoneName, int Dwellings, int CompletionYear);

public sealed record HousingPreview(
    string DistrictCode, string Name, Guid ZoneId, int Dwellings, int CompletionYear, string Change) : IPreviewRow;
