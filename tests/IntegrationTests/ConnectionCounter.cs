using System.Net;
using System.Net.Sockets;

namespace Platform.IntegrationTests;

/// <summary>
/// A host that must never be reached: a loopback port that counts the connections made to it and closes each at once,
/// so a client that does reach it fails fast instead of waiting for an answer.
/// </summary>
public sealed class ConnectionCounter : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private int connections;

    public ConnectionCounter()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>host:port, as a hostile path would name it.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public int Connections => Volatile.Read(ref connections);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref connections);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
