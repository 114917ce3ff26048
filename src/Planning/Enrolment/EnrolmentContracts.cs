using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Planning.Enrolment;

public sealed record EnrolmentPreview(Guid SchoolId, int Grade, int Year, int Pupils, string Change) : IPreviewRow;
