using Platform.Contracts;
using Platform.Planning.Scenarios;

namespace Platform.UnitTests.Planning;

public class PublishingTests
{
    private static readonly Guid Zone = Guid.NewGuid();

    private static CapacityRow Row(int year, double shortfall, int classes) =>
        new(Zone.ToString(), "primary", year, 0, 0, 0, 0, null, shortfall, classes, 0, 0, 0, false);

    private static readonly CapacityReport Report = new(
        [Row(2023, 30, 1), Row(2024, 90, 2), Row(2025, 180, 4), Row(2026, 200, 5)],
        [new CapacityWarning(Zone.ToString(), "primary", WarningKind.Shortfall, 2023, 200, 5, 1, true)]);

    [Fact]
    public void Announces_shortfalls_above_the_threshold_with_their_first_year()
    {
        var announced = Publishing.ShortfallsToAnnounce(Guid.NewGuid(), "120106", Report, thresholdPlaces: 45,
            new Dictionary<(Guid, string, int), int>());
        Assert.Equal([2024, 2025, 2026], announced.Select(s => s.Year)); // 2023's 30 places are under the threshold
        Assert.All(announced, s => Assert.Equal(2023, s.FirstYear));
        Assert.Equal((90, 2), (announced[0].ShortfallPlaces, announced[0].ShortfallClasses));
    }

    [Fact]
    public void Announces_a_zone_and_stage_again_whole_when_a_year_of_it_changed_by_a_whole_class()
    {
        var before = new Dictionary<(Guid, string, int), int>
        {
            [(Zone, "primary", 2024)] = 2, [(Zone, "primary", 2025)] = 3, [(Zone, "primary", 2026)] = 5,
        };
        var announced = Publishing.ShortfallsToAnnounce(Guid.NewGuid(), "120106", Report, thresholdPlaces: 45, before);
        // 2025: 3 classes before, 4 now; its zone and stage go out again whole, so the proposal sees the whole gap.
        Assert.Equal([2024, 2025, 2026], announced.Select(s => s.Year));
        before[(Zone, "primary", 2025)] = 4;
        Assert.Empty(Publishing.ShortfallsToAnnounce(Guid.NewGuid(), "120106", Report, thresholdPlaces: 45, before));
    }
}
