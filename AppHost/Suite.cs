using Platform.AppHost.Hosting;

namespace Platform.AppHost;

/// <summary>
/// The suite's resources and how they depend on each other, written against an Aspire-shaped API so that moving to
/// .NET Aspire means pointing this file at Aspire.Hosting and deleting the Hosting folder (docs/adr/0001).
/// </summary>
public static class Suite
{
    public static void Define(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres");
        var planningDb = postgres.AddDatabase("planningdb");
        var workforceDb = postgres.AddDatabase("workforcedb");
        var facilitiesDb = postgres.AddDatabase("facilitiesdb");
        var messaging = builder.AddRabbitMQ("messaging");

        var planning = builder.AddProject<Projects.Planning>("planning")
            .WithReference(planningDb).WaitFor(planningDb)
            .WithReference(messaging).WaitFor(messaging);
        var workforce = builder.AddProject<Projects.Workforce>("workforce")
            .WithReference(workforceDb).WaitFor(workforceDb)
            .WithReference(messaging).WaitFor(messaging);
        var facilities = builder.AddProject<Projects.Facilities>("facilities")
            .WithReference(facilitiesDb).WaitFor(facilitiesDb)
            .WithReference(messaging).WaitFor(messaging);

        builder.AddProject<Projects.Gateway>("gateway")
            .WithHttpEndpoint(port: 8080)
            .WithReference(planning).WaitFor(planning)
            .WithReference(workforce).WaitFor(workforce)
            .WithReference(facilities).WaitFor(facilities);
    }
}
