namespace Testbed.Infra.Definition;

/// <summary>An S3 bucket: the data lake's raw (bronze) records and the uploaded dataset files.</summary>
public sealed record BucketDefinition(string Name);
