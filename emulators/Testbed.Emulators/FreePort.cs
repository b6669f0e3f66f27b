using System.Net;
using System.Net.Sockets;

namespace Testbed.Emulators;

/// <summary>A loopback port that nothing listens on right now, for a local server given its port in advance.</summary>
public static class FreePort
{
    /// <summary>Binds port 0, reads the port the OS chose, and releases it.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
