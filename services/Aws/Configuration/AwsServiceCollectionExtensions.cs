using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Testbed.Aws.Kinesis;

namespace Testbed.Aws.Configuration;

/// <summary>Registers the AWS clients from the standard AWS_* settings.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>Reads <see cref="AwsOptions"/> from configuration and registers <see cref="IAmazonS3"/>, <see cref="IAmazonDynamoDB"/> and <see cref="IKinesisClient"/>.</summary>
    public static IServiceCollection AddTestbedAws(this IServiceCollection services)
    {
        services.AddSingleton(sp => AwsConnectionResolver.Resolve(AwsOptions.From(sp.GetRequiredService<IConfiguration>())));
        services.AddSingleton(sp => new AwsClientFactory(sp.GetRequiredService<AwsConnection>()));
        services.AddSingleton(sp => sp.GetRequiredService<AwsClientFactory>().CreateS3());
        services.AddSingleton(sp => sp.GetRequiredService<AwsClientFactory>().CreateDynamoDb());
        services.AddHttpClient(nameof(KinesisClient));
        services.AddSingleton(sp => sp.GetRequiredService<AwsClientFactory>().CreateKinesis(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(KinesisClient))));
        return services;
    }
}
