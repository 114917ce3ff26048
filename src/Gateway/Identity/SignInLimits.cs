using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace Platform.Gateway.Identity;

/// <summary>
/// What the endpoints that check a password (sign-in, a user's own new password) are held to, besides the gateway's
/// general rate limits (docs/security.md, "Sign-in"):
/// <list type="bullet">
/// <item>per source address, across every user name: Gateway:SignInLimit:PerMinute attempts (10) in a sliding minute,
/// so that one address cannot spray passwords over many names, nor flood the gateway;</item>
/// <item>for all addresses together: Gateway:SignInLimit:Concurrent password checks at once (4), with up to
/// Gateway:SignInLimit:Queue waiting (64). A check is seconds of CPU and a database connection held meanwhile: a flood
/// from many addresses then waits or is refused, and cannot take the connections or the CPU every other request needs.</item>
/// </list>
/// Addresses in Gateway:SignInLimit:Exempt skip the per-address limit (the integration tests' own, which sign in hundreds
/// of users); none by default.
/// </summary>
public sealed class SignInLimits
{
    private sealed class Marker;

    private readonly int perMinute;
    private readonly int concurrent;
    private readonly int queue;
    private readonly HashSet<string> exempt;

    private SignInLimits(int perMinute, int concurrent, int queue, IEnumerable<string> exempt) =>
        (this.perMinute, this.concurrent, this.queue, this.exempt) = (perMinute, concurrent, queue, exempt.ToHashSet());

    public static SignInLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Gateway:SignInLimit:PerMinute", 10),
        configuration.GetValue("Gateway:SignInLimit:Concurrent", 4),
        configuration.GetValue("Gateway:SignInLimit:Queue", 64),
        configuration.GetSection("Gateway:SignInLimit:Exempt").Get<string[]>() ?? []);

    /// <summary>The metadata marking an endpoint that checks a password.</summary>
    public static object Metadata { get; } = new Marker();

    public static bool Applies(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null;

    public RateLimitPartition<string> PerAddress(HttpContext context, string address) => Applies(context) && !exempt.Contains(address)
        ? RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0, AutoReplenishment = true,
        })
        : RateLimitPartition.GetNoLimiter("");

    // One partition for every address: the limit is on the gateway's work, whoever asks.
    public RateLimitPartition<string> Hashing(HttpContext context) => Applies(context)
        ? RateLimitPartition.GetConcurrencyLimiter("password checks", _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = concurrent, QueueLimit = queue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        })
        : RateLimitPartition.GetNoLimiter("");

    /// <summary>The answer to a refused attempt, and the seconds after which to try again.</summary>
    public (ProblemDetails Problem, int RetryAfter) Refusal(RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 0;
        return retryAfter > 0
            ? (new ProblemDetails
            {
                Title = "登录尝试过于频繁。",
                Detail = $"同一地址每分钟最多尝试登录或验证密码 {perMinute} 次。请 {retryAfter} 秒后再试。",
            }, retryAfter)
            : (new ProblemDetails { Title = "登录请求过多。", Detail = "系统正在处理大量登录请求。请稍后再试。" }, 5);
    }
}
