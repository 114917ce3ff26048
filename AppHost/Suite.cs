using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.AppHost.Hosting;

namespace Platform.AppHost;

/// <summary>
/// The suite's resources and how they depend on each other, written against an Aspire-shaped API so that moving to
/// .NET Aspire means pointing this file at Aspire.Hosting and deleting the Hosting folder (docs/adr/0001).
/// </summary>
public static class Suite
{
    /// <summary>The demo users' password (README.md), set only by this AppHost and the tests.</summary>
    public const string DemoPassword = "platform-demo";

    /// <summary>Signs <paramref name="gateway"/> in as a demo user: its requests then carry that user's access token.</summary>
    public static async Task SignInAsync(HttpClient gateway, string userName, CancellationToken cancellationToken = default)
    {
        using var response = await gateway.PostAsJsonAsync("/api/auth/sign-in", new { userName, password = DemoPassword }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var signedIn = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signedIn.GetProperty("accessToken").GetString());
    }

    public static void Define(IDistributedApplicationBuilder builder)
    {
        // The gateway signs tokens with this key and every service checks them with it: from Auth__SigningKey when
        // set (so tokens outlive a restart), otherwise a new random key for each run.
        var signingKey = Environment.GetEnvironmentVariable("Auth__SigningKey") ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var postgres = builder.AddPostgres("postgres");
        var planningDb = postgres.AddDatabase("planningdb");
        var workforceDb = postgres.AddDatabase("workforcedb");
        var facilitiesDb = postgres.AddDatabase("facilitiesdb");
        var gatewayDb = postgres.AddDatabase("gatewaydb");
        var messaging = builder.AddRabbitMQ("messaging");

        var planning = builder.AddProject<Projects.Planning>("planning")
            .WithEnvironment("Auth__SigningKey", signingKey)
            .WithReference(planningDb).WaitFor(planningDb)
            .WithReference(messaging).WaitFor(messaging);
        var workforce = builder.AddProject<Projects.Workforce>("workforce")
            .WithEnvironment("Auth__SigningKey", signingKey)
            .WithReference(workforceDb).WaitFor(workforceDb)
            .WithReference(messaging).WaitFor(messaging);
        var facilities = builder.AddProject<Projects.Facilities>("facilities")
            .WithEnvironment("Auth__SigningKey", signingKey)
            .WithReference(facilitiesDb).WaitFor(facilitiesDb)
            .WithReference(messaging).WaitFor(messaging);

        var gateway = builder.AddProject<Projects.Gateway>("gateway")
            .WithHttpEndpoint(port: 8080)
            .WithEnvironment("Auth__SigningKey", signingKey)
            .WithEnvironment("Auth__DemoPassword", DemoPassword)
            .WithReference(gatewayDb).WaitFor(gatewayDb)
            .WithReference(planning).WaitFor(planning)
            .WithReference(workforce).WaitFor(workforce)
            .WithReference(facilities).WaitFor(facilities);
        // The UI, served behind the gateway: it signs users in at the gateway (which it does not wait for, as the
        // gateway waits for it) and calls the services as the signed-in user.
        var web = builder.AddProject<Projects.Web>("web")
            .WithReference(gateway)
            .WithReference(planning).WaitFor(planning)
            .WithReference(workforce).WaitFor(workforce)
            .WithReference(facilities).WaitFor(facilities);
        gateway.WithReference(web).WaitFor(web);
        // Every service reads the sessions that ended from the gateway's feed (docs/security.md, "Sessions"); they do
        // not wait for it, and refuse tokens naming a session until they have read it once.
        foreach (var service in new[] { planning, workforce, facilities })
            service.WithReference(gateway);
    }
}
