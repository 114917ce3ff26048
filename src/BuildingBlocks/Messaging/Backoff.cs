namespace Platform.BuildingBlocks.Messaging;

/// <summary>Exponential backoff for outbox retries: 1 s, 2 s, 4 s, ... capped, so a long outage is retried at a steady pace.</summary>
public static class Backoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(15);

    public static TimeSpan AfterAttempt(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var seconds = First.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, Cap.TotalSeconds));
    }
}
