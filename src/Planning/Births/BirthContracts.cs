using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Planning.Births;

public sealed record BirthPreview(string DistrictCode, Guid? ZoneId, int Year, int Births, string Change) : IPreviewRow;
