using Platform.BuildingBlocks.Data;

namespace Platform.UnitTests;

public class MigrationCatalogTests
{
    [Fact]
    public void Orders_scripts_by_number_not_by_text()
    {
        var ordered = MigrationCatalog.Order(["0010_later.sql", "0002_second.sql", "0001_first.sql"]);
        Assert.Equal(["0001_first.sql", "0002_second.sql", "0010_later.sql"], ordered);
    }

    [Theory]
    [InlineData("1_short_number.sql")]
    [InlineData("0001-dash.sql")]
    [InlineData("0001_Upper.sql")]
    [InlineData("0001_missing_extension")]
    public void Rejects_badly_named_scripts(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => MigrationCatalog.Order([name]));
        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Rejects_a_number_used_twice()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MigrationCatalog.Order(["0003_a.sql", "0003_b.sql"]));
        Assert.Contains("0003_a.sql and 0003_b.sql", error.Message);
    }

    [Fact]
    public void Finds_the_scripts_embedded_in_a_service_with_their_source()
    {
        var migrations = MigrationCatalog.Embedded(
            typeof(Platform.Planning.Extensions).Assembly, "Platform.Planning.Migrations", "planningdb");
        Assert.Equal("planningdb/0001_registry.sql", migrations[0].Id);
        Assert.All(migrations, m => Assert.StartsWith("planningdb/", m.Id));
        Assert.Equal(migrations.Select(m => m.Id).Order(StringComparer.Ordinal), migrations.Select(m => m.Id));
        Assert.Contains("CREATE TABLE schools", migrations[0].Sql);
    }

    [Fact]
    public void Takes_only_the_scripts_directly_in_the_named_folder()
    {
        var assembly = typeof(Platform.BuildingBlocks.Messaging.Outbox).Assembly;
        var platform = MigrationCatalog.Embedded(assembly, "Platform.BuildingBlocks.Migrations", "platform");
        var directory = MigrationCatalog.Embedded(assembly, "Platform.BuildingBlocks.Schools.Migrations", "schooldirectory");

        Assert.Equal(["platform/0001_outbox_inbox.sql", "platform/0002_audit.sql", "platform/0003_district_scope.sql",
                "platform/0004_audit_trail.sql", "platform/0005_outbox_trace.sql"],
            platform.Select(m => m.Id));
        Assert.Equal(["schooldirectory/0001_known_schools.sql", "schooldirectory/0002_district_scope.sql"], directory.Select(m => m.Id));
    }
}
