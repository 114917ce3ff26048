using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Platform.Gateway.Identity;

/// <summary>
/// What the endpoints that check a password (sign-in, a user's own new password) are held to, besides the gateway's
/// general rate limits (docs/security.md, "Sign-in"):
/// <list type="bullet">
/// <item>per source address, across every user name: Gateway:SignInLimit:PerMinute attempts (10) a minute, so that one
/// address can neither spray passwords over many names nor flood the gateway;</item>
/// <item>for all addresses together: Gateway:SignInLimit:Concurrent password checks at once (4), with up to
/// Gateway:SignInLimit:Queue waiting (64). A check is CPU-bound and holds a database connection: a flood from many
/// addresses waits or is refused, and cannot take the connections or the CPU every other request needs.</item>
/// </list>
/// Addresses in Gateway:SignInLimit:Exempt skip the per-address limit (the integration tests' own, which sign hundreds
/// of users in); none by default.
/// </summary>
public sealed class SignInLimits
{
    private sealed class Marker;

    private readonly int perMinute;

    private SignInLimits(int perMinute, int concurrent, int queue, HashSet<string> exempt)
    {
        this.perMinute = perMinute;
        PerAddress = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            Applies(context) && Hardening.Address(context) is var address && !exempt.Contains(address)
                ? RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter(""));
        // One partition for every address: the limit is on the gateway's work, whoever asks.
        Checks = PartitionedRateLimiter.Create<HttpContext, string>(context => Applies(context)
            ? RateLimitPartition.GetConcurrencyLimiter("password checks", _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = concurrent, QueueLimit = queue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : RateLimitPartition.GetNoLimiter(""));
    }

    /// <summary>Attempts per source address.</summary>
    public PartitionedRateLimiter<HttpContext> PerAddress { get; }

    /// <summary>Password checks at once, from all addresses.</summary>
    public PartitionedRateLimiter<HttpContext> Checks { get; }

    /// <summary>The metadata marking an endpoint that checks a password.</summary>
    public static object Metadata { get; } = new Marker();

    public static SignInLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Gateway:SignInLimit:PerMinute", 10),
        configuration.GetValue("Gateway:SignInLimit:Concurrent", 4),
        configuration.GetValue("Gateway:SignInLimit:Queue", 64),
        (configuration.GetSection("Gateway:SignInLimit:Exempt").Get<string[]>() ?? []).ToHashSet());

    public static bool Applies(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null;

    /// <summary>The answer to a refused attempt, and the seconds after which to try again.</summary>
    public (ProblemDetails Problem, int RetryAfter) Refusal(OnRejectedContext rejected)
    {
        if (PerAddress.GetStatistics(rejected.HttpContext) is not { CurrentAvailablePermits: 0 })
            return (new ProblemDetails
            {
                Title = new UserText("登录请求过多。", "Too many sign-ins.").ToString(),
                Detail = new UserText("系统正在处理大量登录请求，请稍后再试。",
                    "Many sign-ins are being checked; try again shortly.").ToString(),
            }, 5);
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 60;
        return (new ProblemDetails
        {
            Title = new UserText("登录尝试过于频繁。", "Too many sign-in attempts.").ToString(),
            Detail = new UserText(
                $"同一地址每分钟最多尝试登录或验证密码 {perMinute} 次，请 {retryAfter} 秒后再试。",
                $"An address may try {perMinute} passwords a minute; try again in {retryAfter} seconds.").ToString(),
        }, retryAfter);
    }
}
