using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Platform.Web.Account;
using Platform.Web.Api;
using Platform.Web.Imports;
using Platform.Web.Text;

namespace Platform.Web;

public static class Extensions
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static void AddWebServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        // Chinese text goes out as text, not as &#x…; entities.
        builder.Services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        // The user's tokens from the gateway live in this cookie, encrypted; the browser never holds a bearer token.
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "platform";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.LoginPath = "/sign-in";
            cookie.AccessDeniedPath = "/";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<Session>().RefreshAsync(context);
        });
        builder.Services.AddAuthorization();
        foreach (var service in ServiceApi.Services.Append(Session.Gateway))
            builder.Services.AddHttpClient(service, http => http.BaseAddress = new Uri(builder.Configuration[$"services:{service}:http:0"]
                ?? throw new InvalidOperationException($"services:{service}:http:0 is not set: the AppHost sets it.")));
        builder.Services.AddScoped<Session>();
        builder.Services.AddScoped<ServiceApi>();
        builder.Services.AddSingleton<Texts>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PendingUploads>();
        builder.Services.AddScoped<ImportClient>();
    }

    /// <summary>Chinese unless the user chose English (a cookie set by /lang/{culture}); then who the user is.</summary>
    public static void UseWebPipeline(this WebApplication app)
    {
        // Behind the gateway: the original host comes through (RequestHeaderOriginalHost), the scheme and client as
        // X-Forwarded-* headers, so redirects and cookies name the gateway's address.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        app.Use((context, next) =>
        {
            // Pages are the user's own data: never cached, never framed, scripts only from here.
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    public static void MapWebEndpoints(this WebApplication app)
    {
        app.MapAccountEndpoints();
        app.MapExportEndpoints();
    }
}
