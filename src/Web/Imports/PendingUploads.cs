using System.Collections.Concurrent;

namespace Platform.Web.Imports;

/// <summary>A file a user uploaded for a dry run, kept until they commit it (or for 30 minutes).</summary>
public sealed record PendingUpload(string UserName, string Kind, string FileName, byte[] Content, DateTimeOffset Expires);

/// <summary>
/// The files between a dry run and its commit, so the user uploads once. In memory, as each upload belongs to one user
/// and lives minutes; with several instances of the UI behind the gateway this would need sticky sessions or a
/// shared store.
/// </summary>
public sealed class PendingUploads(TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<Guid, PendingUpload> uploads = new();

    public Guid Keep(string userName, string kind, string fileName, byte[] content)
    {
        foreach (var (id, stale) in uploads)
            if (stale.Expires < clock.GetUtcNow())
                uploads.TryRemove(id, out _);
        var key = Guid.NewGuid();
        uploads[key] = new PendingUpload(userName, kind, fileName, content, clock.GetUtcNow() + Lifetime);
        return key;
    }

    /// <summary>The user's own upload, taken out of the store; null when it is not theirs, unknown or expired.</summary>
    public PendingUpload? Take(Guid id, string userName) =>
        uploads.TryRemove(id, out var upload) && upload.UserName == userName && upload.Expires >= clock.GetUtcNow() ? upload : null;
}

/// <summary>What Planning's import answers, dry run or not.</summary>
/// <summary>The inputs a planner imports, each at POST /{kind}/import of Planning.</summary>
public static class ImportKinds
{
    public static readonly string[] All = ["births", "enrolment", "population", "housing"];
}
