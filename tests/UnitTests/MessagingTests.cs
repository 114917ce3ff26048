using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;

namespace Platform.UnitTests;

public class BackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 15)]
    [InlineData(1000, 15)]
    public void Doubles_from_one_second_up_to_the_cap(int attempts, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Backoff.AfterAttempt(attempts));

    [Fact]
    public void Has_no_delay_before_the_first_attempt() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.AfterAttempt(0));
}

public class MessageTypesTests
{
    [Fact]
    public void Round_trips_contract_types_by_name()
    {
        var name = MessageTypes.NameOf(typeof(CapacityCommissioned));
        Assert.Equal("Platform.Contracts.CapacityCommissioned", name);
        Assert.Equal(typeof(CapacityCommissioned), MessageTypes.Resolve(name));
    }

    [Fact]
    public void Refuses_types_outside_the_contracts() =>
        Assert.Throws<ArgumentException>(() => MessageTypes.NameOf(typeof(string)));

    [Fact]
    public void Refuses_unknown_names_from_the_outbox() =>
        Assert.Throws<InvalidOperationException>(() => MessageTypes.Resolve("Platform.Contracts.NoSuchEvent"));
}
