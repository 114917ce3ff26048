using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Platform.UnitTests;

public sealed class SecurityHeadersTests
{
    private static readonly SecurityHeadersOptions Api = new();

    [Fact]
    public void Each_header_is_set_once_replacing_a_copy_from_behind_the_gateway()
    {
        IHeaderDictionary headers = new HeaderDictionary { ["X-Frame-Options"] = new(["SAMEORIGIN", "DENY"]) };
        SecurityHeaders.Apply(headers, Api);
        Assert.Equal("DENY", Assert.Single(headers.XFrameOptions.ToArray()));
        Assert.Equal("nosniff", Assert.Single(headers.XContentTypeOptions.ToArray()));
        Assert.Equal("no-referrer", Assert.Single(headers["Referrer-Policy"].ToArray()));
        Assert.Equal(SecurityHeadersOptions.ApiPolicy, Assert.Single(headers.ContentSecurityPolicy.ToArray()));
        Assert.Equal("no-store", Assert.Single(headers.CacheControl.ToArray()));
    }

    [Fact]
    public void An_answer_that_chose_its_own_policy_and_caching_keeps_them()
    {
        IHeaderDictionary headers = new HeaderDictionary
        {
            ["Content-Security-Policy"] = "default-src 'self'", ["Cache-Control"] = "max-age=3600",
        };
        SecurityHeaders.Apply(headers, Api);
        Assert.Equal("default-src 'self'", headers.ContentSecurityPolicy.ToString());
        Assert.Equal("max-age=3600", headers.CacheControl.ToString());
    }
}
