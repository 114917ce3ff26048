using System.Net;
using System.Net.Http.Json;
using Platform.AppHost;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>
/// Every host's answers carry the same security headers, once each, and no Server header; tokens and data are never
/// stored; /health tells an anonymous caller only whether the host is healthy.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class HeaderTests(SuiteFixture suite)
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    private const string PagePolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
    public static TheoryData<string> Hosts => new() { "gateway", "planning", "workforce", "facilities", "web" };

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Each_answer_carries_each_security_header_once_and_no_server_header(string host)
    {
        using var client = suite.ClientFor(host, suite.TokenFor("120000", Roles.Viewer));
        // The UI's answers, through the gateway too, keep the UI's policy for pages; all others have the API's.
        (string Path, string Policy)[] answers = host switch
        {
            "gateway" => [("/api/planning/districts", ApiPolicy), ("/api/auth/me", ApiPolicy), ("/health", ApiPolicy),
                ("/sign-in", PagePolicy), ("/api/nowhere", PagePolicy)],
            "web" => [("/sign-in", PagePolicy), ("/nowhere", PagePolicy), ("/health", PagePolicy)],
            _ => [("/schools", ApiPolicy), ("/nowhere", ApiPolicy), ("/health", ApiPolicy)],
        };
        var wrong = new List<string>();
        foreach (var (path, policy) in answers)
        {
            using var response = await client.GetAsync(path);
            wrong.AddRange(Problems(response, policy).Select(problem => $"{host} {path}: {problem}"));
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Token_answers_are_never_stored()
    {
        using var gateway = suite.ClientFor("gateway", null);
        using var signedIn = await gateway.PostAsJsonAsync("/api/auth/sign-in", new { userName = "viewer", password = Suite.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("no-store", signedIn.Headers.CacheControl?.ToString());
        Assert.Empty(Problems(signedIn, ApiPolicy));
    }

    [Theory]
    [InlineData("gateway", "/health")]
    [InlineData("gateway", "/api/planning/health")]
    [InlineData("gateway", "/api/workforce/health")]
    [InlineData("gateway", "/api/facilities/health")]
    [InlineData("planning", "/health")]
    [InlineData("workforce", "/health")]
    [InlineData("facilities", "/health")]
    [InlineData("web", "/health")]
    [InlineData("gateway", "/alive")]
    public async Task Health_without_sign_in_says_only_healthy_or_not(string host, string path)
    {
        using var anonymous = suite.ClientFor(host, null);
        // A fault test before this one may have restarted the broker: the services come back within seconds.
        var response = await Eventually.Until(() => anonymous.GetAsync(path), answer => answer.IsSuccessStatusCode,
            $"{host}{path} to be healthy", TimeSpan.FromSeconds(60));
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>What is wrong with an answer's headers, if anything.</summary>
    private static IEnumerable<string> Problems(HttpResponseMessage response, string policy)
    {
        var expected = new Dictionary<string, string>
        {
            ["X-Content-Type-Options"] = "nosniff",
            ["X-Frame-Options"] = "DENY",
            ["Referrer-Policy"] = "no-referrer",
            ["Content-Security-Policy"] = policy,
        };
        foreach (var (name, value) in expected)
        {
            var values = response.Headers.TryGetValues(name, out var found) ? found.ToList() : [];
            if (values.Count != 1 || values[0] != value)
                yield return $"{name} is [{string.Join(" | ", values)}]";
        }
        if (response.Headers.CacheControl is not { NoStore: true })
            yield return $"Cache-Control is {response.Headers.CacheControl}";
        if (response.Headers.Contains("Server"))
            yield return $"Server is {string.Join(" | ", response.Headers.GetValues("Server"))}";
    }
}
