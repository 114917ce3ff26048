namespace Platform.BuildingBlocks.Spreadsheets;

/// <summary>What an import found (dry run) or did: counts, every bad row, the rows it would write, ignored columns.</summary>
public sealed record ImportReport<TRow>(
    bool DryRun,
    bool Written,
    int Rows,
    int New,
    int Changed,
    int Unchanged,
    IReadOnlyList<ImportError> Errors,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<TRow> Preview);
