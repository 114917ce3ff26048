namespace Platform.BuildingBlocks.Spreadsheets;

/// <summary>
/// How many uploads a service reads at once. Each is bounded by <see cref="SheetReader"/>'s limits (about 150 MB at
/// worst, a million shared strings); so is their sum, which keeps a service under its memory bound when many people,
/// or one attacker, upload together. Another upload waits a few seconds for a slot, then is told to try again.
/// </summary>
public static class UploadSlots
{
    public const int AtOnce = 2;
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly SemaphoreSlim Slots = new(AtOnce);

    /// <returns>A slot to dispose when the upload is done, or null when none came free in time.</returns>
    public static async Task<IDisposable?> TakeAsync(CancellationToken cancellationToken) =>
        await Slots.WaitAsync(Wait, cancellationToken) ? new Slot() : null;

    private sealed class Slot : IDisposable
    {
        public void Dispose() => Slots.Release();
    }
}
