using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Testbed.Aws.Kinesis;

namespace Testbed.Aws.Configuration;

/// <summary>Registers the AWS clients from the "Aws" configuration section.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="AwsOptions"/> and registers <see cref="IAmazonS3"/>, <see cref="IAmazonDynamoDB"/> and <see cref="IKinesisClient"/>.</summary>
    public static IServiceCollection AddTestbedAws(this IServiceCollection services)
    {
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => AwsConnectionResolver.Resolve(sp.GetRequiredService<IOptions<AwsOptions>>().Value));
        services.AddSingleton(sp => new AwsClientFactory(sp.GetRequiredService<AwsConnection>()));
        services.AddSingleton(sp => sp.GetRequiredService<AwsClientFactory>().CreateS3());
        services.AddSingleton(sp => sp.GetRequiredService<AwsClientFactory>().CreateDynamoDb());
        services.AddHttpClient(nameof(KinesisClient));
        services.AddSingleton(sp => sp.GetRequiredService<AwsClientFactory>().CreateKinesis(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(KinesisClient))));
        return services;
    }
}
