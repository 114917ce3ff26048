namespace Platform.IntegrationTests;

/// <summary>Polls until a condition holds or a deadline passes: asynchronous flows are asserted this way, never by sleeping.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var last = default(T);
        Exception? lastError = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await probe();
                if (condition(last))
                    return last;
                lastError = null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Npgsql.NpgsqlException)
            {
                lastError = e;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Timed out waiting for {what}; last value: {last}", lastError);
    }
}
