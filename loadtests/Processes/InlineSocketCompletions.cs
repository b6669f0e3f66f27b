using System.Net;
using System.Net.Sockets;

namespace Testbed.LoadTests.Processes;

/// <summary>The runner's socket completions run on the socket engine's own threads instead of being handed to the thread pool.</summary>
/// <remarks>
/// Each hand-off wakes a pool thread, and a wake-up enters the kernel, which on these machines' paravirtualised kernel costs more than the
/// runner's own work on a response: profiled at 2,000 events/s (2026-11-29), 46 % of the runner's samples were the kernel switching threads.
/// What runs there is short: the runner's continuations record a figure and end, and the AppHost it hosts only follows the stack's resources.
/// </remarks>
public static class InlineSocketCompletions
{
    /// <summary>The runtime's switch, read once, when the process first waits on a socket.</summary>
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Turns the switch on for this process, unless the environment sets it, before the first socket; the processes it starts (the stack) do not inherit it.</summary>
    public static void Enable()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not null)
        {
            return;
        }

        Environment.SetEnvironmentVariable(Variable, "1");
        try
        {
            // A pending accept registers a socket with the runtime's socket engine, which reads the switch as it is created.
            // Closing the listener ends the accept before its arguments are disposed.
            using var accepting = new SocketAsyncEventArgs();
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen();
            listener.AcceptAsync(accepting);
        }
        finally
        {
            // The stack's services and the dashboard run with the runtime's default, as users run them.
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }
}
