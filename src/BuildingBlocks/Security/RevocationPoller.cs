using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.BuildingBlocks.Security;

/// <summary>Where a host reads the sessions that ended: the gateway's database, or the gateway's feed for everyone else.</summary>
public interface IRevocationSource
{
    /// <param name="since">null for every session whose tokens could still be presented.</param>
    Task<RevocationPage> ReadAsync(DateTime? since, CancellationToken cancellationToken);
}

/// <summary>
/// Keeps <see cref="RevokedSessions"/> current: the whole list at start, then every second what ended since the
/// last read, so a sign-out reaches every host within about a second. Each read overlaps the last by a few seconds,
/// for revocations whose transactions committed out of order.
/// </summary>
public sealed class RevocationPoller(
    IRevocationSource source, RevokedSessions sessions, ILogger<RevocationPoller> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTime? since = null;
        var failing = false;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var page = await source.ReadAsync(since, stoppingToken);
                sessions.Add(page.Sessions);
                sessions.MarkLoaded();
                since = page.At - Overlap;
                if (failing)
                    logger.LogInformation("Reading revoked sessions works again");
                failing = false;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Data.Common.DbException
                                          or System.Text.Json.JsonException && !stoppingToken.IsCancellationRequested)
            {
                // Logged once per outage: the gateway is down, or not up yet while the suite starts.
                if (!failing)
                    logger.LogWarning("Cannot read revoked sessions ({Error}); retrying every {Interval}", e.Message, Interval);
                failing = true;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
