using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Platform.BuildingBlocks.Http;

namespace Platform.UnitTests;

public class ValidationTests
{
    private static readonly IReadOnlyDictionary<string, string> Colours = new Dictionary<string, string> { ["red"] = "红" };

    [Fact]
    public void Lists_every_problem_by_field()
    {
        var validation = new Validation();
        validation.Text("name", "  ", 10);
        validation.Number("classes", 900, 0, 500);
        validation.Number("norm", null, 10, 80);
        validation.OneOf("colour", "blue", Colours);

        var errors = validation.Problem().ProblemDetails.Errors;
        Assert.Equal(["必须填写。"], errors["name"]);
        Assert.Equal(["须在 0 到 500 之间。"], errors["classes"]);
        Assert.Equal(["必须填写。"], errors["norm"]);
        Assert.Equal(["不是可选的值。"], errors["colour"]);
    }

    [Fact]
    public void Accepts_valid_values_and_trims_text()
    {
        var validation = new Validation();
        Assert.Equal("红桥", validation.Text("name", " 红桥 ", 10));
        Assert.Equal(500, validation.Number("classes", 500, 0, 500));
        Assert.Equal("红", validation.OneOf("colour", "red", Colours));
        Assert.True(validation.IsValid);
    }

    [Fact]
    public void Rejects_text_over_the_limit()
    {
        var validation = new Validation();
        validation.Text("name", new string('x', 11), 10);
        Assert.Equal(["不能超过 10 个字。"], validation.Problem().ProblemDetails.Errors["name"]);
    }
}

public class JsonFieldErrorsTests
{
    private sealed record Request(string? Name, int? Classes, Guid? SchoolId, DateOnly? InUseFrom);

    [Fact]
    public void Names_a_text_field_that_carries_a_nul_character()
    {
        var errors = JsonFieldErrors.Find("""{"name": "学区\u0000", "classes": 4}""", typeof(Request));
        Assert.Equal(["name"], errors.Keys);
    }

    [Fact]
    public void Names_every_field_of_the_wrong_type()
    {
        var errors = JsonFieldErrors.Find("""{"name": 5, "classes": "many", "schoolId": "x", "inUseFrom": "next year"}""", typeof(Request));
        Assert.Equal(["须为不含控制字符的文字。"], errors["name"]);
        Assert.Equal(["须为整数。"], errors["classes"]);
        Assert.Equal(["须为编号（UUID）。"], errors["schoolId"]);
        Assert.Equal(["须为 1900-01-01 到 2100-12-31 之间的日期（yyyy-MM-dd）。"], errors["inUseFrom"]);
    }

    [Fact]
    public void Names_every_field_in_English_when_the_request_asks_for_it()
    {
        using var english = new UiCulture("en");
        var errors = JsonFieldErrors.Find("""{"classes": "many", "inUseFrom": "next year"}""", typeof(Request));
        Assert.Equal(["must be a whole number."], errors["classes"]);
        Assert.Equal(["must be a date from 1900-01-01 to 2100-12-31 (yyyy-MM-dd)."], errors["inUseFrom"]);
    }

    [Fact]
    public void Leaves_out_the_fields_that_are_fine() =>
        Assert.Equal(["classes"], JsonFieldErrors.Find("""{"name": "a", "classes": 1.5}""", typeof(Request)).Keys);

    [Theory]
    [InlineData("""{"name": "a",""")]
    [InlineData("not json")]
    public void Reports_malformed_json_against_the_whole_body(string body) =>
        Assert.StartsWith("不是有效的 JSON", JsonFieldErrors.Find(body, typeof(Request))["$"][0]);

    [Fact]
    public void Requires_an_object() =>
        Assert.Equal(["须为 JSON 对象。"], JsonFieldErrors.Find("[1,2]", typeof(Request))["$"]);
}

public class CorrelationIdTests
{
    [Theory]
    [InlineData("abc-123_X.y", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("has space", false)]
    [InlineData("новый", false)]
    [InlineData("line\nbreak", false)]
    public void Accepts_only_short_plain_ids(string? value, bool expected) =>
        Assert.Equal(expected, CorrelationIdMiddleware.IsWellFormed(value));

    [Fact]
    public void Refuses_ids_longer_than_64_characters()
    {
        Assert.True(CorrelationIdMiddleware.IsWellFormed(new string('a', 64)));
        Assert.False(CorrelationIdMiddleware.IsWellFormed(new string('a', 65)));
    }
}

/// <summary>The standard resilience handler and service discovery every HttpClient gets from AddServiceDefaults.</summary>
public class ResilienceTests
{
    [Theory]
    [InlineData("GET", HttpStatusCode.ServiceUnavailable, 4)]
    [InlineData("GET", HttpStatusCode.InternalServerError, 4)]
    [InlineData("GET", HttpStatusCode.TooManyRequests, 4)]
    [InlineData("GET", HttpStatusCode.RequestTimeout, 4)]
    [InlineData("HEAD", HttpStatusCode.BadGateway, 4)]
    [InlineData("GET", HttpStatusCode.NotFound, 1)]
    [InlineData("GET", HttpStatusCode.BadRequest, 1)]
    [InlineData("POST", HttpStatusCode.ServiceUnavailable, 1)]
    [InlineData("PUT", HttpStatusCode.ServiceUnavailable, 1)]
    [InlineData("PATCH", HttpStatusCode.ServiceUnavailable, 1)]
    [InlineData("DELETE", HttpStatusCode.ServiceUnavailable, 1)]
    public async Task Retries_only_safe_requests_that_failed_transiently(string method, HttpStatusCode answer, int attempts)
    {
        var server = new AnsweringHandler(answer);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["services:planning:http:0"] = "http://127.0.0.1:8081";
        builder.AddServiceDefaults();
        // No waiting between attempts: the count is what matters here, not the backoff.
        builder.Services.ConfigureAll<HttpStandardResilienceOptions>(resilience => resilience.Retry.Delay = TimeSpan.Zero);
        builder.Services.AddHttpClient("planning").ConfigurePrimaryHttpMessageHandler(() => server);
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("planning");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "http://planning/schools"));

        Assert.Equal(answer, response.StatusCode);
        // Every attempt went to the address the AppHost gives the service.
        Assert.Equal(Enumerable.Repeat("http://127.0.0.1:8081/schools", attempts), server.Requests);
    }

    private sealed class AnsweringHandler(HttpStatusCode answer) : HttpMessageHandler
    {
        public ConcurrentQueue<string> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request.RequestUri!.ToString());
            return Task.FromResult(new HttpResponseMessage(answer));
        }
    }
}
