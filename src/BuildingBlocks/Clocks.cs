namespace Platform.BuildingBlocks;

public static class Clocks
{
    /// <summary>The day rules are checked against.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
