namespace Testbed.AppHost.Aws;

/// <summary>Adds the AWS environment to an Aspire app and points resources at it, shaped like Aspire's AWS integration.</summary>
public static class AwsEnvironmentExtensions
{
    /// <summary>The configuration section the environment reads (Aws:Mode, Aws:Region, …).</summary>
    public const string SectionName = "Aws";

    /// <summary>Adds the environment Aws:Mode names: Embedded (default), LocalStack or Aws.</summary>
    public static AwsEnvironment AddAwsEnvironment(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(SectionName);
        var region = string.IsNullOrWhiteSpace(section["Region"]) ? "us-east-1" : section["Region"]!;
        var text = section["Mode"];
        if (!Enum.TryParse<AwsMode>(string.IsNullOrWhiteSpace(text) ? nameof(AwsMode.Embedded) : text, ignoreCase: true, out var mode)
            || !Enum.IsDefined(mode))
        {
            throw new InvalidOperationException($"Aws:Mode is '{text}'; use Embedded, LocalStack or Aws (for example --Aws:Mode=LocalStack).");
        }

        return mode switch
        {
            AwsMode.Embedded => builder.AddEmbeddedAws(region),
            AwsMode.LocalStack => builder.AddLocalStackAws(region),
            _ => builder.AddRealAws(region),
        };
    }

    /// <summary>Gives the resource the environment's AWS_* variables and waits for its emulators or container.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, AwsEnvironment aws)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(aws);
        foreach (var dependency in aws.Dependencies)
        {
            builder.WaitFor(dependency);
        }

        return builder.WithEnvironment(context =>
        {
            foreach (var (name, value) in aws.Variables)
            {
                context.EnvironmentVariables[name] = value;
            }
        });
    }
}
