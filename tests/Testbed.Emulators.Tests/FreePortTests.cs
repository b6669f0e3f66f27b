using System.Net;
using System.Net.Sockets;

namespace Testbed.Emulators.Tests;

/// <summary>A port given in advance stays this process's until its server listens on it: the kernel hands it to no other port-0 bind, and the emulator still listens on it.</summary>
public sealed class FreePortTests
{
    // IPPROTO_IP's IP_LOCAL_PORT_RANGE (Linux 6.3+): the range one socket's port-0 bind may choose from, low port in the low 16 bits.
    private const int IpProtocolIp = 0;
    private const int IpLocalPortRange = 51;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_port_given_is_handed_to_no_port_0_bind_while_this_process_lives()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The port is held on Linux only.");
        var port = FreePort.Next();

        // A bind to port 0 restricted to that one port: the kernel gives it unless something holds it.
        using var other = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            other.SetRawSocketOption(IpProtocolIp, IpLocalPortRange, BitConverter.GetBytes((uint)port | ((uint)port << 16)));
        }
        catch (SocketException)
        {
            Assert.Skip("This kernel has no per-socket port range (IP_LOCAL_PORT_RANGE, Linux 6.3+).");
        }

        var refused = Assert.Throws<SocketException>(() => other.Bind(new IPEndPoint(IPAddress.Loopback, 0)));
        Assert.Equal(SocketError.AddressAlreadyInUse, refused.SocketErrorCode);
    }

    [Fact]
    public async Task An_emulator_given_a_held_port_listens_on_it_and_answers()
    {
        var port = FreePort.Next();

        await using var host = await EmulatorHost.StartAsync(
            new EmulatorHostOptions { Ports = new Dictionary<EmulatorService, int> { [EmulatorService.Kinesis] = port } }, Ct).WaitAsync(TimeSpan.FromMinutes(6), Ct);

        Assert.Equal(port, host[EmulatorService.Kinesis].Port);
        using var call = new EmulatorApiCall(EmulatorService.Kinesis, host[EmulatorService.Kinesis].Endpoint);
        await call.InvokeAsync(Ct);
    }
}
