using Testbed.Emulators;

namespace Testbed.Pipeline.Tests.OpenApi;

/// <summary>Redocly's OpenAPI linter (pinned in OpenApiLint/package-lock.json) with the rules in OpenApiLint/redocly.yaml and the accepted findings beside it.</summary>
internal static class OpenApiLinter
{
    private static readonly TimeSpan InstallBound = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LintBound = TimeSpan.FromMinutes(1);

    /// <summary>Lints the documents, named by file name (such as api.json), and returns the exit code and everything the linter printed.</summary>
    public static async Task<(int ExitCode, string Output)> LintAsync(IReadOnlyDictionary<string, string> documents, CancellationToken cancellationToken)
    {
        var tool = Path.Combine(RepositoryRoot.Find(), "tests", "Testbed.Pipeline.Tests", "OpenApiLint");
        var cli = Path.Combine(tool, "node_modules", "@redocly", "cli", "bin", "cli.js");
        if (!File.Exists(cli))
        {
            var install = await CommandRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], tool, null, InstallBound, cancellationToken);
            Assert.True(install.ExitCode == 0, $"npm ci in {tool} failed:{Environment.NewLine}{string.Join(Environment.NewLine, install.Tail)}");
        }

        // The ignore file names the documents by file name, relative to the configuration: both are copied beside them.
        var folder = Directory.CreateTempSubdirectory("testbed-openapi-");
        try
        {
            foreach (var file in new[] { "redocly.yaml", ".redocly.lint-ignore.yaml" })
            {
                File.Copy(Path.Combine(tool, file), Path.Combine(folder.FullName, file));
            }

            foreach (var (name, text) in documents)
            {
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, name), text, cancellationToken);
            }

            var output = new List<string>();
            var result = await CommandRunner.RunAsync("node", [cli, "lint", "--format=stylish", .. documents.Keys], folder.FullName, line => { lock (output) { output.Add(line); } }, LintBound, cancellationToken);
            lock (output)
            {
                return (result.ExitCode, string.Join(Environment.NewLine, output));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
