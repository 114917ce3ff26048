using Platform.Gateway.Identity;

namespace Platform.UnitTests.Security;

public class SignInThrottleTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Five_attempts_from_one_address_are_checked_then_that_address_is_locked_out()
    {
        var (address, account) = (AttemptCount.None, AttemptCount.None);
        var checkedAttempts = 0;
        for (var i = 0; i < 41; i++)
        {
            var decision = SignInThrottle.Attempt(address, account, Now);
            (address, account) = (decision.Address, decision.Account);
            checkedAttempts += decision.Check ? 1 : 0;
        }
        Assert.Equal(5, checkedAttempts);
        Assert.Equal((5, Now + SignInThrottle.LockTime), (address.Failures, address.LockedUntil));
        Assert.Equal(5, account.Failures); // refused attempts count nowhere, so they cannot extend a lock
    }

    [Fact]
    public void A_lock_ends_after_fifteen_minutes_and_counting_starts_afresh()
    {
        var locked = new AttemptCount(5, Now, false);
        var decision = SignInThrottle.Attempt(locked, AttemptCount.None, Now + TimeSpan.FromSeconds(1));
        Assert.True(decision.Check);
        Assert.Equal((1, (DateTime?)null), (decision.Address.Failures, decision.Address.LockedUntil));
    }

    [Fact]
    public void The_account_wide_lock_keeps_out_new_addresses_but_not_those_the_owner_signed_in_from()
    {
        var account = new AttemptCount(SignInThrottle.AccountLimit, Now + TimeSpan.FromMinutes(10), false);
        Assert.False(SignInThrottle.Attempt(AttemptCount.None, account, Now).Check);
        var owners = SignInThrottle.Succeeded().Address;
        var decision = SignInThrottle.Attempt(owners, account, Now);
        Assert.True(decision.Check);
        Assert.Equal(account, decision.Account);
    }

    [Fact]
    public void Twenty_failures_from_anywhere_lock_the_account()
    {
        var account = AttemptCount.None;
        for (var i = 0; i < SignInThrottle.AccountLimit; i++)
            account = SignInThrottle.Attempt(AttemptCount.None, account, Now).Account;
        Assert.True(account.IsLockedAt(Now));
    }
}
