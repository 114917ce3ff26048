namespace Platform.Gateway.Identity;

/// <summary>The failed sign-ins counted for a user name from one address, or from every address.</summary>
public sealed record AttemptCount(int Failures, DateTime? LockedUntil, bool Trusted)
{
    public static readonly AttemptCount None = new(0, null, false);

    public bool IsLockedAt(DateTime now) => LockedUntil > now;
}

/// <summary>
/// Whether a sign-in attempt may have its password checked (docs/security.md, "Sign-in"). Each attempt is counted
/// as a failure before the check, and a success clears the count, so concurrent attempts can never check more
/// passwords than the limits allow:
/// <list type="bullet">
/// <item>five from one address lock that user name for that address for 15 minutes;</item>
/// <item>twenty from all addresses lock the user name for 15 minutes, except for addresses it has signed in from
/// before: attackers from many addresses cannot keep the owner out.</item>
/// </list>
/// A refused attempt changes no count, so it cannot extend a lock.
/// </summary>
public static class SignInThrottle
{
    public const int AddressLimit = 5;
    public const int AccountLimit = 20;
    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(15);

    public sealed record Decision(bool Check, AttemptCount Address, AttemptCount Account);

    public static Decision Attempt(AttemptCount address, AttemptCount account, DateTime now)
    {
        address = Expired(address, now);
        account = Expired(account, now);
        if (address.IsLockedAt(now) || (account.IsLockedAt(now) && !address.Trusted))
            return new Decision(false, address, account);
        return new Decision(true, Counted(address, AddressLimit, now),
            account.IsLockedAt(now) ? account : Counted(account, AccountLimit, now));
    }

    /// <summary>The counts after the password was right: this address is now trusted for this account.</summary>
    public static (AttemptCount Address, AttemptCount Account) Succeeded() =>
        (AttemptCount.None with { Trusted = true }, AttemptCount.None);

    private static AttemptCount Expired(AttemptCount count, DateTime now) =>
        count.LockedUntil is { } until && until <= now ? count with { Failures = 0, LockedUntil = null } : count;

    private static AttemptCount Counted(AttemptCount count, int limit, DateTime now) => count with
    {
        Failures = count.Failures + 1,
        LockedUntil = count.Failures + 1 >= limit ? now + LockTime : null,
    };
}
