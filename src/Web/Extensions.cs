using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Platform.BuildingBlocks.Security;
using Platform.Web.Account;
using Platform.Web.Api;
using Platform.Web.Facilities;
using Platform.Web.Imports;
using Platform.Web.Planning;
using Platform.Web.Text;
using Platform.Web.Workforce;

namespace Platform.Web;

public static class Extensions
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static void AddWebServices(this IHostApplicationBuilder builder)
    {
        // Static rendering on the server, and a SignalR circuit for the few components that gain from it (docs/adr/0012).
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Pages load scripts, styles and images from here only (the other security headers: ServiceDefaults).
        builder.Services.Configure<SecurityHeadersOptions>(headers => headers.ContentSecurityPolicy =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
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
            cookie.Events.OnValidatePrincipal = context =>
                context.HttpContext.RequestServices.GetRequiredService<Session>().RefreshAsync(context);
        });
        builder.Services.AddAuthorization();
        // Each service (and the gateway, for sign-in) at the address service discovery gives for its name, from the
        // AppHost's references. Redirects are not followed and no proxy is used: a user's token reaches that address
        // and nothing else.
        foreach (var service in ServiceApi.Services.Append(Session.Gateway))
            builder.Services
                .AddHttpClient(service, http => http.BaseAddress = new Uri($"http://{service}"))
                .AddHttpMessageHandler(() => new UserLanguage())
                .ConfigurePrimaryHttpMessageHandler(() =>
                    new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
        builder.Services.AddScoped<Session>();
        builder.Services.AddScoped<Caller>();
        builder.Services.AddScoped<CircuitHandler, CircuitCaller>();
        builder.Services.AddSessionRevocation();
        builder.Services.AddScoped<ServiceApi>();
        builder.Services.AddScoped<ServiceFiles>();
        builder.Services.AddSingleton<Texts>();
        builder.Services.AddSingleton<ProblemText>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PendingUploads>();
        builder.Services.AddScoped<ImportClient>();
        builder.Services.AddScoped<FacilitiesClient>();
        builder.Services.AddScoped<PlanningClient>();
        builder.Services.AddScoped<WorkforceClient>();
    }

    /// <summary>Chinese unless the user chose English (a cookie set by /lang/{culture}); then who the user is.</summary>
    public static void UseWebPipeline(this WebApplication app)
    {
        // Behind the gateway: the original host comes through (RequestHeaderOriginalHost), the scheme and client as
        // X-Forwarded-* headers, so redirects and cookies name the gateway's address.
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
        });
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // An unknown address, or an answer without a page of its own, shows a page in the user's language. Only for
        // reading: a post re-executed as a page would be refused by antiforgery instead of keeping its status.
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
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
