using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.BuildingBlocks.Security;
using Platform.Web.Text;
using Xunit.Abstractions;

namespace Platform.IntegrationTests.Generated;

/// <summary>
/// Every message is in the user's language, generated from the services' OpenAPI documents: every field of every
/// request has a label in both languages for the UI to name it by, and every operation refuses a hostile value in
/// Chinese by default and in English when asked (Accept-Language, as the UI sends under its switch). An English
/// message may quote Chinese (a column of the file, a stage gate's name); a Chinese one holds no English sentence.
/// </summary>
[Collection(SuiteCollection.Name)]
public partial class LanguageGeneratedTests(SuiteFixture suite, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_field_of_every_request_has_a_label_in_chinese_and_in_english()
    {
        var operations = await ServiceDocuments.ReadAsync(suite);
        var fields = operations.SelectMany(o => o.Fields).Where(f => f.Segments.Count > 0).Select(f => f.Name).Distinct().ToList();
        var unlabelled = new List<string>();
        foreach (var (culture, script) in new[] { ("zh-CN", true), ("en", false) })
            foreach (var field in fields)
            {
                var label = InCulture(culture, () => new Texts().Field(field));
                if (label is null || Han().IsMatch(label) != script)
                    unlabelled.Add($"{culture} {field}: {label ?? "no label"}");
            }

        output.WriteLine($"{fields.Count} fields");
        Assert.True(fields.Count > 100, "the documents describe the requests' fields");
        Assert.Empty(unlabelled);
    }

    [Fact]
    public async Task Every_refusal_is_in_chinese_by_default_and_in_english_when_asked()
    {
        var operations = await ServiceDocuments.ReadAsync(suite);
        var token = AccessTokens.Create(suite.Auth, Guid.NewGuid(), $"language-{Guid.NewGuid():N}", "语言测试", Roles.All, "120000",
            TimeSpan.FromHours(1));
        var wrong = new List<string>();
        var tried = 0;
        foreach (var operation in operations.Where(o => HostileInputGeneratedTests.Hostile(o).Any()))
        {
            using var client = suite.ClientFor(operation.Service, token);
            foreach (var (language, chinese) in new[] { ((string?)null, true), ("en", false) })
            {
                var (request, _, what) = HostileInputGeneratedTests.Hostile(operation).First();
                using (request)
                {
                    if (language is not null)
                        request.Headers.AcceptLanguage.ParseAdd(language);
                    using var response = await client.SendAsync(request);
                    tried++;
                    foreach (var text in await WordsAsync(response))
                        if (chinese ? !Han().IsMatch(text) || EnglishPhrase().IsMatch(text) : !EnglishPhrase().IsMatch(text))
                            wrong.Add($"{operation} {what} ({language ?? "default"}): {text}");
                }
            }
        }

        output.WriteLine($"{tried} refusals");
        output.WriteLine(string.Join('\n', wrong));
        Assert.True(tried > 100, "every operation was tried");
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("planning")]
    [InlineData("workforce")]
    [InlineData("facilities")]
    public async Task An_unknown_address_of_the_api_is_a_problem_in_the_users_language(string service)
    {
        using var client = suite.ClientFor(service, suite.TokenFor("120000", Roles.Viewer));
        // Any Chinese the client prefers reads Chinese; English only when English comes first.
        foreach (var (language, title) in new[]
                 {
                     ("zh-CN", "找不到所要的内容。"), ("en", "Not found."), ("zh-TW,zh;q=0.9,en-US;q=0.8", "找不到所要的内容。"),
                     ("en;q=0.1,zh;q=0.9", "找不到所要的内容。"),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/no-such-thing-{Guid.NewGuid():N}");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(title, JsonNode.Parse(await response.Content.ReadAsStringAsync())?["title"]?.GetValue<string>());

            // Typed into a browser, the same words as text.
            using var typed = new HttpRequestMessage(HttpMethod.Get, $"/api/no-such-thing-{Guid.NewGuid():N}");
            typed.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            typed.Headers.AcceptLanguage.ParseAdd(language);
            using var page = await client.SendAsync(typed);
            Assert.Equal((HttpStatusCode.NotFound, title), (page.StatusCode, await page.Content.ReadAsStringAsync()));
        }
    }

    /// <summary>A refusal's title, detail and every message, as a user would read them.</summary>
    private static async Task<IEnumerable<string>> WordsAsync(HttpResponseMessage response)
    {
        if (JsonNode.Parse(await response.Content.ReadAsStringAsync()) is not JsonObject problem)
            return [$"{(int)response.StatusCode} without a problem"];
        var messages = (problem["errors"] as JsonObject ?? []).SelectMany(e => e.Value!.AsArray().Select(m => m!.GetValue<string>()))
            .Concat((problem["rowErrors"] as JsonArray ?? []).Select(r => r!["reason"]!.GetValue<string>()));
        return new[] { problem["title"]?.GetValue<string>(), problem["detail"]?.GetValue<string>() }
            .OfType<string>().Concat(messages);
    }

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    /// <summary>Two English words in a row: an English sentence, or one left untranslated in a Chinese message.</summary>
    [GeneratedRegex(@"\b[A-Za-z]{2,} [a-z]{2,}\b")]
    private static partial Regex EnglishPhrase();
}
