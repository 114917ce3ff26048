using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;

namespace Platform.BuildingBlocks.Security;

/// <summary>The gateway's feed of ended sessions (GET /api/auth/revocations), at services:gateway:http:0.</summary>
public sealed class GatewayRevocationFeed(IHttpClientFactory http, IConfiguration configuration) : IRevocationSource
{
    public const string Client = "revocations";

    public async Task<RevocationPage> ReadAsync(DateTime? since, CancellationToken cancellationToken)
    {
        var gateway = configuration["services:gateway:http:0"]
            ?? throw new InvalidOperationException("services:gateway:http:0 is not set: the AppHost sets it.");
        var query = since is { } at ? "?since=" + Uri.EscapeDataString(at.ToString("o", CultureInfo.InvariantCulture)) : "";
        using var client = http.CreateClient(Client);
        return await client.GetFromJsonAsync<RevocationPage>(new Uri(new Uri(gateway), "/api/auth/revocations" + query), cancellationToken)
            ?? throw new System.Text.Json.JsonException("The gateway answered no revocations.");
    }
}
