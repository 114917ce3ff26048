using System.Net;
using System.Net.Sockets;

namespace Platform.AppHost.Hosting;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on now and that was not handed out before in this run.</summary>
    public static int Next(ISet<int> taken)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (!taken.Contains(port))
                return port;
        }
    }
}
