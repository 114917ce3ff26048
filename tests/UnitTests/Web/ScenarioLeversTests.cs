using System.Text.Json.Nodes;
using Platform.Web.Planning;
using Platform.Web.Text;

namespace Platform.UnitTests.Web;

public sealed class ScenarioLeversTests
{
    private static readonly Guid School = Guid.Parse("0195a000-0000-7000-8000-000000000001");
    private static readonly Guid Zone = Guid.Parse("0195a000-0000-7000-8000-000000000002");

    [Fact]
    public void The_form_is_written_over_the_stored_levers_keeping_what_it_does_not_show()
    {
        var stored = JsonNode.Parse("""
            { "level": "school", "baseYear": 2024, "horizon": 5,
              "housing": { "yieldPerDwelling": { "primary": 0.3 }, "maturation": [1.0] } }
            """)!.AsObject();
        var form = ScenarioLevers.Read("120106", "高方案", stored);
        form.BirthGrowthPercent = -2.5;
        form.BirthSeries = "2026 3,100\n\n2027：2950";
        form.ClassSizeNorms = new() { ["primary"] = 40, ["junior_secondary"] = null };
        ScenarioLevers.PrepareForEditing(form);
        form.SchoolChanges[0] = new SchoolChangeRow { SchoolId = School, Change = "close", Year = 2028 };
        form.DemandMoves[0] = new DemandMoveRow
        {
            FromZoneId = Zone, ToSchoolId = School, Stage = "primary", SharePercent = 15, FromYear = 2027,
        };

        var (levers, problem) = ScenarioLevers.Write(form, stored, new Texts());

        Assert.Null(problem);
        Assert.Equal("school", (string?)levers!["level"]);
        Assert.Equal(2024, (int?)levers["baseYear"]);
        Assert.Equal(0.3, (double?)levers["housing"]!["yieldPerDwelling"]!["primary"]); // the district's own yield, not the default
        Assert.Equal(-0.025, (double)levers["birthGrowth"]!, 10);
        Assert.Equal(3100, (int?)levers["birthSeries"]!["2026"]);
        Assert.Equal(2950, (int?)levers["birthSeries"]!["2027"]);
        Assert.Equal("""{"primary":40}""", levers["classSizeNorms"]!.ToJsonString());
        var change = Assert.Single(levers["schoolChanges"]!.AsArray())!; // blank rows are dropped
        Assert.Equal("close", (string?)change["change"]);
        var move = Assert.Single(levers["demandMoves"]!.AsArray())!;
        Assert.Equal(0.15, (double)move["share"]!, 10);

        var again = ScenarioLevers.Read("120106", "高方案", levers);
        Assert.Equal(-2.5, again.BirthGrowthPercent);
        Assert.Equal("2026 3100\n2027 2950", again.BirthSeries);
        Assert.Equal(40, again.ClassSizeNorms["primary"]);
        Assert.Equal(School, again.SchoolChanges.Single().SchoolId);
        Assert.Equal(15, again.DemandMoves.Single().SharePercent);
        Assert.True(again.Housing);
    }

    [Fact]
    public void Housing_switched_on_takes_the_default_yields_and_off_removes_them()
    {
        var form = new ScenarioForm { Name = "x", Housing = true };
        Assert.NotNull(ScenarioLevers.Write(form, new JsonObject(), new Texts()).Levers!["housing"]!["maturation"]);
        form.Housing = false;
        Assert.Null(ScenarioLevers.Write(form, new JsonObject { ["housing"] = new JsonObject() }, new Texts()).Levers!["housing"]);
    }

    [Theory]
    [InlineData("2026", 1)]
    [InlineData("2026 3100\n两千 2000", 2)]
    [InlineData("2026 3100 12", 1)]
    public void A_birth_line_that_cannot_be_read_is_named_and_nothing_is_written(string series, int line)
    {
        var (levers, problem) = ScenarioLevers.Write(new ScenarioForm { BirthSeries = series }, new JsonObject(), new Texts());
        Assert.Null(levers);
        Assert.Contains($"第 {line} 行", problem);
    }
}
