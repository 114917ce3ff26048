using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Platform.BuildingBlocks.Data;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// How tokens are checked, from the Auth section: the suite's own issuer (the gateway) signs with Auth:SigningKey
/// (base64, at least 32 bytes); with Auth:Authority set, an OIDC provider's keys are used instead. Either way the
/// token must name Auth:Issuer and Auth:Audience, carry "role" claims and a "district" claim.
/// </summary>
public sealed record AuthSettings(string Issuer, string Audience, string? SigningKey, string? Authority, bool RequireHttpsMetadata)
{
    public static AuthSettings From(IConfiguration configuration)
    {
        var auth = configuration.GetSection("Auth");
        return new AuthSettings(auth["Issuer"] ?? "platform", auth["Audience"] ?? "platform-api", auth["SigningKey"], auth["Authority"],
            auth.GetValue("RequireHttpsMetadata", true));
    }

    public SymmetricSecurityKey Key()
    {
        var bytes = Convert.FromBase64String(SigningKey
            ?? throw new InvalidOperationException("Auth:SigningKey is not set (or set Auth:Authority for an OIDC provider)."));
        return bytes.Length >= 32
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
    }

    public TokenValidationParameters Validation() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = Authority is null ? Key() : null,
        RoleClaimType = "role",
        NameClaimType = "name",
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}

public static class SecurityExtensions
{
    /// <summary>JWT bearer authentication and the access and admin policies of a service (docs/security.md).</summary>
    public static IHostApplicationBuilder AddPlatformSecurity(this IHostApplicationBuilder builder, ServiceAccess access)
    {
        builder.AddPlatformAuthentication();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessRequirement.Policy, policy => policy.AddRequirements(new AccessRequirement(access)));
        return builder;
    }

    /// <summary>JWT bearer authentication and the admin policy, for the gateway and every service.</summary>
    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder)
    {
        // The request types of the endpoints mapped here (the audit trail's); each service adds its own.
        builder.Services.AddValidation();
        var settings = AuthSettings.From(builder.Configuration);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = settings.Validation();
            if (settings.Authority is not null)
            {
                jwt.Authority = settings.Authority;
                jwt.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                return; // the provider ends its own sessions
            }
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = async context =>
                {
                    var revoked = context.HttpContext.RequestServices.GetRequiredService<RevokedSessions>();
                    if (await revoked.RefusesAsync(context.Principal!, context.HttpContext.RequestAborted))
                        context.Fail("The session has ended: sign in again.");
                },
            };
        });
        if (settings.Authority is null)
            builder.Services.AddSessionRevocation();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessRequirement.SystemAdminPolicy, policy => policy.RequireRole(Roles.SystemAdmin)
                .RequireClaim(DistrictScope.ClaimType))
            .AddPolicy(AccessRequirement.SecurityAdminPolicy, policy => policy.RequireRole(Roles.SecurityAdmin)
                .RequireClaim(DistrictScope.ClaimType))
            .AddPolicy(AccessRequirement.UserListPolicy, policy => policy.RequireRole(Roles.SystemAdmin, Roles.SecurityAdmin)
                .RequireClaim(DistrictScope.ClaimType))
            .AddPolicy(AccessRequirement.AuditorPolicy, policy => policy.RequireRole(Roles.Auditor).RequireClaim(DistrictScope.ClaimType))
            .AddPolicy(AccessRequirement.OperatorPolicy, policy => policy.RequireRole(Roles.SystemAdmin)
                .RequireAssertion(context => DistrictScope.Of(context.User) is { IsSingleDistrict: false }));
        return builder;
    }

    /// <summary>
    /// The ended sessions of the suite's own issuer, read from the gateway (<see cref="GatewayRevocationFeed"/>) every
    /// second unless the host registered another <see cref="IRevocationSource"/> (the gateway reads its database).
    /// </summary>
    public static IServiceCollection AddSessionRevocation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RevokedSessions>();
        services.TryAddSingleton<IRevocationSource, GatewayRevocationFeed>();
        // The poller asks again every second: no retries of its own, and no log line for every request.
        services.AddHttpClient(GatewayRevocationFeed.Client, http => http.Timeout = TimeSpan.FromSeconds(5))
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear())
            .RemoveAllLoggers();
        services.AddHostedService<RevocationPoller>();
        return services;
    }

    /// <summary>
    /// The group every endpoint of the service's API is mapped in: the access policy and the district scope; and, for
    /// admins, the audit trail of the changes users make through it and of the requests it refused. The client's
    /// address comes from the gateway's X-Forwarded-For.
    /// </summary>
    public static RouteGroupBuilder MapPlatformApi(this WebApplication app)
    {
        app.UseForwardedHeaders(FromGateway(app.Configuration));
        app.UseRefusedAttempts();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAuditActor();
        app.MapAuditTrail();
        return app.MapGroup("").RequireAuthorization(AccessRequirement.Policy).AddEndpointFilter<ScopeFilter>();
    }

    /// <summary>
    /// The client's address as the gateway (or the UI) forwards it: the last X-Forwarded-For entry, believed only from
    /// a known proxy, loopback by default or the addresses in ForwardedHeaders:KnownProxies; anyone else's is ignored.
    /// </summary>
    private static ForwardedHeadersOptions FromGateway(IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
        foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        return options;
    }

    /// <summary>Lets readers call a POST that only computes.</summary>
    public static TBuilder ComputesOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ComputesOnly());
}
