using System.Net.Sockets;
using Npgsql;
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

public class ConsumerRetryTests
{
    private static PostgresException Refusal(string sqlState) => new("refused", "FATAL", "FATAL", sqlState);

    public static TheoryData<Exception> Outages() =>
    [
        new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)),
        new NpgsqlException("Exception while reading from stream", new IOException("broken pipe")),
        Refusal(PostgresErrorCodes.AdminShutdown),
        Refusal(PostgresErrorCodes.CannotConnectNow),
        Refusal(PostgresErrorCodes.ConnectionFailure),
        new InvalidOperationException("wrapped", new NpgsqlException("broken", new IOException("reset by peer"))),
    ];

    public static TheoryData<Exception> Faults() =>
    [
        Refusal(PostgresErrorCodes.UniqueViolation),
        Refusal(PostgresErrorCodes.SerializationFailure),
        new InvalidOperationException("The school is not known here."),
        new NpgsqlException("bad statement"),
        new NpgsqlException("Exception while reading from stream", new TimeoutException()),
        Refusal(PostgresErrorCodes.ProtocolViolation),
    ];

    [Theory, MemberData(nameof(Outages))]
    public void A_database_outage_is_retried_for_minutes(Exception exception) =>
        Assert.True(ConsumerRetry.IsDatabaseOutage(exception), exception.ToString());

    [Theory, MemberData(nameof(Faults))]
    public void Any_other_fault_is_retried_briefly_and_parked(Exception exception) =>
        Assert.False(ConsumerRetry.IsDatabaseOutage(exception), exception.ToString());
}
