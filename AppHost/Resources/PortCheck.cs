using System.Net;
using System.Net.Sockets;

namespace Testbed.AppHost.Resources;

/// <summary>Fails early, naming the setting to change, when a fixed port is taken.</summary>
public static class PortCheck
{
    /// <summary>Throws when nothing can listen on 127.0.0.1:<paramref name="port"/>.</summary>
    public static void EnsureFree(int port, string setting)
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch (SocketException error) when (error.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new InvalidOperationException($"Port {port} is in use (by another Testbed?). Stop what uses it, or set --{setting}=<port> (0 picks a free one).", error);
        }
    }
}
