namespace Testbed.Emulators;

/// <summary>How the emulators are installed, started and where they keep their data.</summary>
public sealed record EmulatorHostOptions
{
    /// <summary>The folder with package.json and launch.js; found by walking up from the program when empty.</summary>
    public string? EmulatorsDirectory { get; init; }

    /// <summary>A folder whose data survives restarts; a fresh temporary folder, deleted on dispose, when empty.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The loopback address every emulator listens on.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Fixed ports per service; a missing or zero port means a free one chosen at start.</summary>
    public IReadOnlyDictionary<EmulatorService, int> Ports { get; init; } = new Dictionary<EmulatorService, int>();

    /// <summary>How long installing may take.</summary>
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long each emulator may take to answer its API.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The Node.js executable.</summary>
    public string NodeExecutable { get; init; } = "node";

    /// <summary>The npm executable.</summary>
    public string NpmExecutable { get; init; } = "npm";

    /// <summary>Receives progress lines (installation, start, endpoints).</summary>
    public IProgress<string>? Progress { get; init; }
}
