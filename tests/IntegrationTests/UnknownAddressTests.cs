using System.Net;

namespace Platform.IntegrationTests;

/// <summary>An address the suite does not have shows a page in the user's language, never JSON or a bare status.</summary>
[Collection(SuiteCollection.Name)]
public sealed class UnknownAddressTests(SuiteFixture suite)
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/planning/no-such-page")]
    [InlineData("/api/no-such-service/schools")]
    public async Task An_unknown_address_shows_a_page_in_the_users_language(string path)
    {
        using var viewer = await WebSession.SignInAsync(suite, "viewer");
        await AssertPageAsync(viewer, path, "找不到这个页面。");
        using (await viewer.Client.GetAsync("/lang/en?returnUrl=/")) { }
        await AssertPageAsync(viewer, path, "There is no such page.");
    }

    private static async Task AssertPageAsync(WebSession session, string path, string words)
    {
        using var response = await session.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(words, page);
        Assert.Contains("<nav", page); // the suite's own page, with its navigation to go on from
    }
}
