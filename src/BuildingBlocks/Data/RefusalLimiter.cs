using System.Threading.RateLimiting;

namespace Platform.BuildingBlocks.Data;

/// <summary>What becomes of a refused request: recorded, or dropped (said once in the log per caller and window).</summary>
public enum RefusalAdmission { Record, DropAndWarn, Drop }

/// <summary>
/// How many refused requests a service records, so that no one can fill its disk cheaply: at most
/// <c>perCaller</c> a window for each caller (a signed-in user by name, anyone else by address), and <c>inAll</c>
/// a window for everyone together. A caller over their share does not use up everyone's.
/// </summary>
public sealed class RefusalLimiter(int perCaller, int inAll, TimeSpan window) : IDisposable
{
    private readonly PartitionedRateLimiter<string> callers = Partitioned(perCaller, window);
    private readonly FixedWindowRateLimiter everyone = new(Options(inAll, window));
    private readonly PartitionedRateLimiter<string> warnings = Partitioned(1, window);

    public RefusalAdmission Admit(string caller)
    {
        using (var lease = callers.AttemptAcquire(caller))
            if (!lease.IsAcquired)
                return Warn(caller);
        using (var lease = everyone.AttemptAcquire())
            return lease.IsAcquired ? RefusalAdmission.Record : Warn("");
    }

    private RefusalAdmission Warn(string caller)
    {
        using var lease = warnings.AttemptAcquire(caller);
        return lease.IsAcquired ? RefusalAdmission.DropAndWarn : RefusalAdmission.Drop;
    }

    private static PartitionedRateLimiter<string> Partitioned(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Options(permits, window)));

    private static FixedWindowRateLimiterOptions Options(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    public void Dispose()
    {
        callers.Dispose();
        everyone.Dispose();
        warnings.Dispose();
    }
}
