using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.IntegrationTests;

[Collection(SuiteCollection.Name)]
public class GatewayTests(SuiteFixture suite)
{
    public static TheoryData<string> Services => new() { "planning", "workforce", "facilities" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_publishes_its_openapi_document_through_the_gateway(string service)
    {
        var document = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/{service}/openapi/v1.json");
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.True(document.GetProperty("paths").EnumerateObject().Any(), $"{service} documents no paths");
    }

    [Fact]
    public async Task A_well_formed_correlation_id_is_passed_on_and_echoed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/planning/schools");
        request.Headers.Add("X-Correlation-Id", "test-run-42");
        using var response = await suite.Gateway.SendAsync(request);
        Assert.Equal("test-run-42", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task A_missing_or_hostile_correlation_id_is_replaced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/planning/schools");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>alert(1)</script>");
        using var response = await suite.Gateway.SendAsync(request);
        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public async Task Unknown_routes_are_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await suite.Gateway.GetAsync("/api/nowhere/schools")).StatusCode);

    [Fact]
    public async Task Api_answers_carry_security_headers_and_other_origins_get_no_cors_grant()
    {
        var response = await suite.Gateway.GetAsync("/api/planning/districts");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/planning/schools");
        preflight.Headers.Add("Origin", "http://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var answer = await suite.Gateway.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"), "only the UI's origins may call the API from a browser");
    }

    [Fact]
    public async Task An_address_sending_more_than_its_rate_is_told_to_slow_down_with_a_problem()
    {
        // The default bucket holds 1,000 requests and refills 500 a second: 3,000 at once overflow it unless they take
        // over 4 s to arrive (1,500 had to arrive within 1 s, which a busy machine missed). Sent without a token, they
        // count against the address alone, so the other tests' user keeps its own bucket.
        using var anonymous = suite.ClientFor("gateway", null);
        var answers = await Task.WhenAll(Enumerable.Range(0, 3000).Select(_ => anonymous.GetAsync("/alive")));
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);
        Assert.Equal("1", refused[0].Headers.GetValues("Retry-After").Single());
        // The bucket refills: a moment later the address is served again.
        await Eventually.Until(
            () => anonymous.GetAsync("/alive"), a => a.IsSuccessStatusCode, "the rate limit to let requests through again");
    }
}
