using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.SuiteHost;

/// <summary>Every resource's output, as the dashboard shows it, in one file: what to read when a test fails in CI.</summary>
internal static class SuiteLog
{
    public static Task WriteAsync(DistributedApplication app, string path, CancellationToken cancellationToken)
    {
        var file = new StreamWriter(path, append: true) { AutoFlush = true };
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var watching = model.Resources.Select(resource => Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in logs.WatchAsync(resource).WithCancellation(cancellationToken))
                    lock (file)
                        foreach (var line in batch)
                            file.WriteLine($"{resource.Name,-12}| {line.Content}");
            }
            catch (OperationCanceledException)
            {
                // the suite is stopping
            }
        }, CancellationToken.None));
        return Task.WhenAll(watching).ContinueWith(_ => file.Dispose(), TaskScheduler.Default);
    }
}
