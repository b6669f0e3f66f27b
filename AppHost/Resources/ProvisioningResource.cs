using Testbed.AppHost.Hosting;
using Testbed.Aws.Configuration;
using Testbed.Infra.CloudFormation;
using Testbed.Infra.Definition;
using Testbed.Infra.Provisioning;

namespace Testbed.AppHost.Resources;

/// <summary>One-shot work: creates the stream, bucket and tables that are missing in a local AWS; on real AWS the CloudFormation template does that.</summary>
public sealed class ProvisioningResource(string name, AwsResource aws, PipelineResources resources) : IResource
{
    private ProvisioningReport? _report;
    private ResourceState _state = ResourceState.Waiting;

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _state = ResourceState.Starting;
        if (aws.Connection.Mode == AwsMode.Aws)
        {
            ConsoleLog.Write(Name, $"real AWS: deploy {CloudFormationTemplate.RepositoryPath} with CloudFormation; nothing is created from here.");
            _state = ResourceState.Finished;
            return;
        }

        try
        {
            var factory = new AwsClientFactory(aws.Connection);
            using var http = new HttpClient();
            using var dynamo = factory.CreateDynamoDb();
            using var s3 = factory.CreateS3();
            var provisioner = new PipelineProvisioner(factory.CreateKinesis(http), dynamo, s3, ConsoleLog.For(Name));
            _report = await provisioner.ProvisionAsync(resources, cancellationToken).ConfigureAwait(false);
            _state = ResourceState.Finished;
        }
        catch
        {
            _state = ResourceState.Failed;
            throw;
        }
    }

    /// <inheritdoc />
    public IEnumerable<string> Describe()
    {
        yield return $"stream    {resources.Stream.Name} ({resources.Stream.ShardCount} shards)";
        yield return $"bucket    {resources.Bucket.Name}";
        yield return $"tables    {string.Join(", ", resources.Tables.Select(t => t.Name))}";
        if (_report is not null)
        {
            var created = _report.Resources.Count(r => r.Outcome == ProvisioningOutcome.Created);
            yield return $"{created} created, {_report.Resources.Count - created} already there, in {_report.Elapsed.TotalSeconds:0.00} s";
        }
    }

    /// <inheritdoc />
    public IEnumerable<ResourceSnapshot> Snapshot()
    {
        yield return new ResourceSnapshot(Name, Name, "job", _state, null, []);
    }

    /// <inheritdoc />
    public ValueTask StopAsync() => ValueTask.CompletedTask;
}
