using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Platform.BuildingBlocks.Data;
using Platform.Gateway.Identity;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway;

/// <summary>
/// What the gateway adds for every request: rate limits per client address (a token bucket: Gateway:RateLimit:Burst
/// requests at once, refilled at Gateway:RateLimit:PerSecond) and per signed-in user (UserBurst, UserPerSecond),
/// CORS only for the origins in Gateway:AllowedOrigins (none by default: the UI is served behind the gateway, from
/// the same origin). The security headers are ServiceDefaults', as for every host. The endpoints that check a password
/// are held to <see cref="SignInLimits"/> as well.
/// </summary>
public static class Hardening
{
    public static void AddGatewayHardening(this IHostApplicationBuilder builder)
    {
        var perSecond = builder.Configuration.GetValue("Gateway:RateLimit:PerSecond", 500);
        var burst = builder.Configuration.GetValue("Gateway:RateLimit:Burst", 1000);
        var userPerSecond = builder.Configuration.GetValue("Gateway:RateLimit:UserPerSecond", 500);
        var userBurst = builder.Configuration.GetValue("Gateway:RateLimit:UserBurst", 1000);
        var signIn = SignInLimits.From(builder.Configuration);
        builder.Services.AddRateLimiter(limiter =>
        {
            // All must allow a request: one bucket per client address, and one per signed-in user, so that a user
            // cannot multiply their rate from several addresses, nor one address drown everyone behind it; then, for
            // the endpoints that check a password, their own limits.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Bucket(Address(context), perSecond, burst)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => context.User.FindFirst("sub")?.Value is { } user
                    ? Bucket(user, userPerSecond, userBurst)
                    : RateLimitPartition.GetNoLimiter("anonymous")),
                signIn.PerAddress,
                signIn.Checks);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var (problem, retryAfter) = SignInLimits.Applies(rejected.HttpContext) ? signIn.Refusal(rejected) : (new ProblemDetails
                {
                    Title = new UserText("操作过于频繁。", "Too many requests.").ToString(),
                    Detail = new UserText($"每个地址每秒至多 {perSecond} 个请求（突发 {burst} 个），"
                        + $"每个用户每秒至多 {userPerSecond} 个"
                        + $"（突发 {userBurst} 个），请一秒后再试。",
                        $"An address may send {perSecond} requests a second (bursts of {burst}) "
                        + $"and a user {userPerSecond} (bursts of {userBurst}); retry after a second.").ToString(),
                }, 1);
                problem.Status = StatusCodes.Status429TooManyRequests;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = problem,
                });
            };
        });
        var origins = builder.Configuration.GetSection("Gateway:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
            policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("X-Correlation-Id")));
    }

    /// <summary>The client's address, as forwarded by a trusted proxy (<see cref="GatewayHttps"/>).</summary>
    internal static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> Bucket(string key, int perSecond, int burst) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0,
            AutoReplenishment = true,
        });

    public static void UseGatewayHardening(this WebApplication app)
    {
        app.UseCors();
        // The gateway records what it refuses itself; what it passes on, the service that answers records.
        app.UseRefusedAttempts(context => context.Features.Get<IReverseProxyFeature>() is not null);
        // Who is calling, before the rate limiter counts per user; each service checks the token again itself.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAuditActor();
        app.UseRateLimiter();
    }
}
