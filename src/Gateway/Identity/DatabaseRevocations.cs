using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Security;

namespace Platform.Gateway.Identity;

/// <summary>The gateway reads ended sessions from its own database, where every other host reads them from its feed.</summary>
public sealed class DatabaseRevocations(ScopedDataSources dataSources, SessionStore sessions) : IRevocationSource
{
    public async Task<RevocationPage> ReadAsync(DateTime? since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSources.System.OpenConnectionAsync(cancellationToken);
        return await sessions.RevokedSinceAsync(connection, since, cancellationToken);
    }
}
