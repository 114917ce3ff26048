using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Microsoft.Extensions.Hosting;

/// <summary>The Content-Security-Policy of a host's own answers: the API's, unless the host serves pages.</summary>
public sealed class SecurityHeadersOptions
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public string ContentSecurityPolicy { get; set; } = ApiPolicy;
}

/// <summary>
/// The security headers of every answer of the suite (services, gateway and web UI), each sent once. They are set as
/// the answer starts, by assignment, so the gateway replaces a proxied answer's copies instead of repeating them.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SecurityHeadersOptions>>().Value;
        context.Response.OnStarting(() =>
        {
            Apply(context.Response.Headers, options);
            return Task.CompletedTask;
        });
        return next(context);
    });

    public static void Apply(IHeaderDictionary headers, SecurityHeadersOptions options)
    {
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // An answer that chose its own keeps it: a page proxied from the UI, a static file. Every other answer is
        // data, the user's own or a token, and is never stored.
        if (StringValues.IsNullOrEmpty(headers.ContentSecurityPolicy))
            headers.ContentSecurityPolicy = options.ContentSecurityPolicy;
        if (StringValues.IsNullOrEmpty(headers.CacheControl))
            headers.CacheControl = "no-store";
    }
}
