using Testbed.AppHost.Hosting;
using Testbed.AppHost.Resources;
using Testbed.Infra.Definition;

var builder = TestbedAppBuilder.Create(args);
var pipeline = PipelineResources.Create(
    builder.Configuration["Pipeline:Prefix"] ?? PipelineResources.DefaultPrefix,
    int.TryParse(builder.Configuration["Pipeline:ShardCount"], out var shards) ? shards : 2);

var aws = builder.Add(new AwsResource("aws", builder.Configuration));
builder.Add(new ProvisioningResource("provision", aws, pipeline));

return await builder.Build().RunAsync();
