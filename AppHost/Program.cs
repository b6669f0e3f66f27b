using Microsoft.Extensions.Configuration;
using Testbed.AppHost.Alarms;
using Testbed.AppHost.Auth;
using Testbed.AppHost.Aws;
using Testbed.AppHost.Diagnostics;
using Testbed.AppHost.Pipeline;

var builder = DistributedApplication.CreateBuilder(args);
var settings = builder.Configuration;

// The AWS environment: emulators, a LocalStack container or real AWS, by Aws:Mode alone.
var aws = builder.AddAwsEnvironment();

// Who issues the bearer tokens Ingestion and the Api accept: the identity resource locally, a Cognito user pool on AWS.
var tokens = builder.AddTokenIssuer(aws);

// Creates the stream, bucket and tables, then exits; the services start once it has succeeded.
var provision = builder.AddProject<Projects.Testbed_Provisioner>("provision")
    .WithReference(aws)
    .WithPipelineSettings(settings);

var ingestion = builder.AddProject<Projects.Testbed_Ingestion>("ingestion")
    .WithReference(aws).WaitForCompletion(provision)
    .WithPipelineSettings(settings, "Ingestion")
    .WithTokenValidation(tokens)
    .WithHttpHealthCheck("/health")
    .WithApiDocs();

builder.AddProject<Projects.Testbed_Processor>("processor")
    .WithReplicas(settings.GetValue("AppHost:ProcessorReplicas", 2))
    .WithReference(aws).WaitForCompletion(provision)
    .WithPipelineSettings(settings, "Processor").WithPolling(settings, aws)
    .WithHttpHealthCheck("/health");

var api = builder.AddProject<Projects.Testbed_Api>("api")
    .WithReference(aws).WaitForCompletion(provision)
    .WithPipelineSettings(settings)
    .WithTokenValidation(tokens)
    .WithHttpHealthCheck("/health")
    .WithApiDocs()
    .WaitFor(ingestion).WithReference(ingestion);

// The API call alarms: each service evaluates its own; each alarm is a dashboard resource under its service.
ingestion.WithAlarms(settings);
api.WithAlarms(settings);

// The web front: a client of the Api and the ingestion over HTTP, as a user's front would be.
builder.AddProject<Projects.Testbed_Web>("web")
    .WithReference(api).WithReference(ingestion)
    .WithTokenClient(tokens)
    .WaitFor(api)
    .WithHttpHealthCheck("/health");

// A stopping stack's dashboard is gone before its services: their last export must not hold them past the orchestrator's grace.
builder.WithoutExportRetry();

builder.Build().Run();
