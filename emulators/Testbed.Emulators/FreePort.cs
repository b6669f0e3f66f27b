using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Testbed.Emulators;

/// <summary>A loopback port that nothing listens on, for a local server given its port in advance; on Linux no other process is handed it later.</summary>
public static class FreePort
{
    // Each port stays bound, not listening, while this process lives. Released at once, it could go to another process's port-0
    // listener or outgoing connection before our server listened on it; the emulator then ended with EADDRINUSE (reproduced by taking
    // its port: CI's hang, test assemblies starting stacks side by side, had the same signature). Linux hands a bound port to no port-0
    // bind and no connect, yet lets a server listen on it while the held socket does not, both sockets having SO_REUSEADDR (.NET sets
    // it before every bind there, as Node.js does for its servers). Other systems share ports by other rules: there the port is
    // released at once.
    private static readonly ConcurrentBag<Socket> Held = [];

    /// <summary>Binds port 0 on 127.0.0.1 and returns the port the OS chose; on Linux the port stays held by this process.</summary>
    public static int Next()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            if (OperatingSystem.IsLinux())
            {
                Held.Add(socket);
            }
            else
            {
                socket.Dispose();
            }

            return port;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
