using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Planning.Population;

public sealed record PopulationView(string DistrictCode, string DistrictName, int Year, int Age, int Persons);

public sealed record PopulationPreview(string DistrictCode, int Year, int Age, int Persons, string Change) : IPreviewRow;
