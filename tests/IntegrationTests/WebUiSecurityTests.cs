using System.Net;

namespace Platform.IntegrationTests;

/// <summary>
/// The web UI as an outside tester tried it (issue 14): its file route handed the user's token to any host, the
/// language switch answered 500 to a return address naming another site, and sign-out took a cross-site post.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class WebUiSecurityTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_file_path_naming_another_host_or_route_is_refused_and_no_request_leaves()
    {
        using var elsewhereHost = new ConnectionCounter();
        var elsewhere = elsewhereHost.Address;
        using var viewer = await WebSession.SignInAsync(suite, "viewer");

        var hostile = new Dictionary<string, HttpStatusCode>
        {
            [$"/files/planning//{elsewhere}/export"] = HttpStatusCode.NotFound,
            [$"/files/planning/%2F%2F{elsewhere}/export"] = HttpStatusCode.NotFound,
            [$"/files/planning/%5C%5C{elsewhere}/export"] = HttpStatusCode.NotFound,
            [$"/files/workforce/rounds/..%2F..%2F%2F{elsewhere}/export"] = HttpStatusCode.NotFound,
            // %3F and %23 once cut the path short, so that any route of the service could be reached.
            ["/files/planning/plans/hebei-14%3Fx=/progress/export"] = HttpStatusCode.BadRequest,
            ["/files/planning/plans/..%2Fschools%23/progress/export"] = HttpStatusCode.BadRequest,
            ["/files/planning/schools%3F/export"] = HttpStatusCode.NotFound,
            ["/files/workforce/teachers%23/export"] = HttpStatusCode.NotFound,
            [$"/files/capacity?districtCode=//{elsewhere}"] = HttpStatusCode.BadRequest,
            ["/files/workforce/establishment/export?districtCode=120106%26schoolId%3Dx"] = HttpStatusCode.BadRequest,
            ["/files/workforce/rotation/plans/not-a-guid/export"] = HttpStatusCode.NotFound,
        };
        var wrong = new List<string>();
        foreach (var (path, expected) in hostile)
        {
            using var response = await viewer.GetRawAsync(path);
            if (response.StatusCode != expected)
                wrong.Add($"{path}: {(int)response.StatusCode}, not {(int)expected}");
        }
        Assert.Empty(wrong);
        Assert.Equal(0, elsewhereHost.Connections); // the UI never called another host with the user's token

        // The downloads the pages link to still work.
        using var progress = await viewer.Client.GetAsync("/files/planning/plans/hebei-14/progress/export");
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", progress.Content.Headers.ContentType?.MediaType);
        using var establishment = await viewer.Client.GetAsync("/files/workforce/establishment/export?districtCode=120106");
        Assert.Equal(HttpStatusCode.OK, establishment.StatusCode);
    }

    [Theory]
    [InlineData("/%5Cevil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/%09/evil.example", "/")]
    [InlineData("/planning%3FdistrictCode%3D120106", "/planning?districtCode=120106")]
    public async Task The_language_switch_returns_only_to_a_page_of_this_site(string returnUrl, string location)
    {
        using var anonymous = WebSession.Anonymous(suite);
        using var response = await anonymous.GetRawAsync($"/lang/en?returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_out_posted_from_another_site_is_refused_and_the_layouts_form_signs_out()
    {
        using var viewer = await WebSession.SignInAsync(suite, "viewer");
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/sign-out") { Content = new FormUrlEncodedContent([]) };
        crossSite.Headers.Add("Origin", "http://evil.example");
        using var refused = await viewer.Client.SendAsync(crossSite);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (var stillIn = await viewer.Client.GetAsync("/planning"))
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        var token = await viewer.FormTokenAsync("/planning");
        using var signedOut = await viewer.Client.PostAsync("/sign-out",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/sign-in", signedOut.Headers.Location?.OriginalString);
        using var after = await viewer.Client.GetAsync("/planning");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/sign-in", after.Headers.Location?.ToString());
    }
}
