using Microsoft.Extensions.Configuration;
using Testbed.AppHost.Hosting;
using Testbed.AppHost.Resources;
using Testbed.Infra.Configuration;
using Testbed.Infra.Definition;

var builder = TestbedAppBuilder.Create(args);
var settings = builder.Configuration.GetSection(PipelineOptions.SectionName).Get<PipelineOptions>() ?? new PipelineOptions();
var pipeline = PipelineResources.Create(settings.Prefix, settings.ShardCount);
var replicas = builder.Configuration.GetValue("AppHost:ProcessorReplicas", 2);

var aws = builder.Add(new AwsResource("aws", builder.Configuration));
builder.Add(new ProvisioningResource("provision", aws, pipeline));
builder.AddService("ingestion", "services/Ingestion", aws, pipeline);
builder.AddService("processor", "services/Processor", aws, pipeline, replicas, LocalPolling.Settings(builder.Configuration));
var api = builder.AddService("api", "services/Api", aws, pipeline);
builder.ShowPipelineStatusFrom(api, "pipeline/status");

return await builder.Build().RunAsync();
