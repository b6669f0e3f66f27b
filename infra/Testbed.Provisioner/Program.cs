using Microsoft.Extensions.Configuration;
using Testbed.Aws.Configuration;
using Testbed.Infra.Configuration;
using Testbed.Infra.Definition;
using Testbed.Infra.Provisioning;

// Exit code 0 lets the services that WaitForCompletion on this step start; anything else keeps them waiting, with the reason in this step's log.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var pipeline = configuration.GetSection(PipelineOptions.SectionName).Get<PipelineOptions>() ?? new PipelineOptions();
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    var clients = AwsClientFactory.For(AwsOptions.From(configuration));
    using var http = new HttpClient();
    using var dynamo = clients.CreateDynamoDb();
    using var s3 = clients.CreateS3();
    var progress = new Progress<string>(Console.WriteLine);
    var provisioner = new PipelineProvisioner(clients.CreateKinesis(http), dynamo, s3, progress);
    var report = await provisioner.ProvisionAsync(PipelineResources.Create(pipeline.Prefix, pipeline.ShardCount), stop.Token);
    foreach (var resource in report.Resources)
    {
        Console.WriteLine(resource);
    }

    Console.WriteLine($"Provisioned in {report.Elapsed.TotalSeconds:0.0} s.");
    return 0;
}
catch (Exception error) when (error is InvalidOperationException or OperationCanceledException or HttpRequestException or Amazon.Runtime.AmazonServiceException)
{
    Console.Error.WriteLine($"Provisioning failed: {error.Message}");
    return 1;
}
