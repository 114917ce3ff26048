using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Net.Http.Headers;

namespace Platform.Gateway;

/// <summary>
/// HTTPS for the gateway (docs/security.md, "HTTPS"). It is on when Kestrel has an https endpoint in configuration,
/// with its certificate, e.g. Kestrel__Endpoints__Https__Url=https://0.0.0.0:8443,
/// Kestrel__Endpoints__Https__Certificate__Path=/etc/platform/gateway.pfx and __Password (or __KeyPath for PEM).
/// Then answers over https carry HSTS, every cookie leaving over https is Secure, and plain http is redirected to
/// https, except health probes. Behind a TLS terminator the gateway trusts X-Forwarded-For and -Proto only from
/// Gateway:KnownProxies (127.0.0.1 and ::1 by default), which is also where the web UI forwards the signing-in user's address.
/// </summary>
public static class GatewayHttps
{
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(endpoint => endpoint["Url"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true);

    public static void AddGatewayHttps(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback means this host's own address, not all of 127.0.0.0/8: a client there is a client.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            options.KnownProxies.Add(System.Net.IPAddress.Loopback);
            options.KnownProxies.Add(System.Net.IPAddress.IPv6Loopback);
            foreach (var proxy in builder.Configuration.GetSection("Gateway:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        // The host answers for its own name: HSTS is sent for every host name, loopback ones included.
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.ExcludedHosts.Clear();
        });
    }

    public static void UseGatewayHttps(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!IsEnabled(app.Configuration))
            return;
        app.UseHsts();
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/alive"),
            branch => branch.UseHttpsRedirection());
        app.Use((context, next) =>
        {
            if (context.Request.IsHttps)
                context.Response.OnStarting(() =>
                {
                    MarkCookiesSecure(context.Response.Headers);
                    return Task.CompletedTask;
                });
            return next(context);
        });
    }

    /// <summary>Adds Secure to each Set-Cookie that lacks it, the web UI's proxied ones included.</summary>
    public static void MarkCookiesSecure(IHeaderDictionary headers)
    {
        var cookies = headers.SetCookie;
        if (cookies.Count == 0)
            return;
        headers.SetCookie = cookies.Select(cookie => SetCookieHeaderValue.TryParse(cookie, out var parsed) && !parsed.Secure
            ? cookie + "; secure"
            : cookie).ToArray();
    }
}
