namespace Testbed.Emulators;

/// <summary>An emulator could not be installed or started; the message says why and what to do.</summary>
public sealed class EmulatorStartException(string message, Exception? inner = null) : Exception(message, inner);
