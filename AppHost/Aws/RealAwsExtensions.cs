namespace Testbed.AppHost.Aws;

/// <summary>Aws mode: no emulator; the region and the profile are Aspire parameters, credentials come from the AWS SDK's own chain.</summary>
public static class RealAwsExtensions
{
    /// <summary>Returns the environment that points at real AWS in the region (the aws-region parameter wins) with the aws-profile parameter's profile.</summary>
    public static AwsEnvironment AddRealAws(this IDistributedApplicationBuilder builder, string region)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var aws = new AwsEnvironment(AwsMode.Aws)
            .Set("AWS_REGION", builder.AddParameter("aws-region", region, publishValueAsDefault: true));
        var profile = builder.Configuration["Parameters:aws-profile"] ?? builder.Configuration[$"{AwsEnvironmentExtensions.SectionName}:Profile"];
        if (!string.IsNullOrWhiteSpace(profile))
        {
            aws.Set("AWS_PROFILE", builder.AddParameter("aws-profile", profile, publishValueAsDefault: true));
        }

        return aws;
    }
}
