namespace Testbed.Testing;

/// <summary>The Linux signal numbers the tests send.</summary>
public static class Signals
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;
}
