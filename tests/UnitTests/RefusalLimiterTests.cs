using Platform.BuildingBlocks.Data;

namespace Platform.UnitTests;

public class RefusalLimiterTests
{
    [Fact]
    public void Records_each_callers_share_then_drops_the_rest_saying_so_once()
    {
        using var limiter = new RefusalLimiter(perCaller: 2, inAll: 10, TimeSpan.FromHours(1));
        Assert.Equal([RefusalAdmission.Record, RefusalAdmission.Record, RefusalAdmission.DropAndWarn, RefusalAdmission.Drop],
            Enumerable.Range(0, 4).Select(_ => limiter.Admit("203.0.113.7")));
        Assert.Equal(RefusalAdmission.Record, limiter.Admit("hr")); // another caller has a share of their own
    }

    [Fact]
    public void Bounds_everyone_together_and_a_caller_over_their_share_uses_none_of_it()
    {
        using var limiter = new RefusalLimiter(perCaller: 2, inAll: 3, TimeSpan.FromHours(1));
        var flood = Enumerable.Range(0, 50).Select(_ => limiter.Admit("flood")).ToList();
        Assert.Equal(2, flood.Count(a => a == RefusalAdmission.Record));
        Assert.Equal(RefusalAdmission.Record, limiter.Admit("a"));
        Assert.Equal([RefusalAdmission.DropAndWarn, RefusalAdmission.Drop], [limiter.Admit("b"), limiter.Admit("c")]);
    }
}
