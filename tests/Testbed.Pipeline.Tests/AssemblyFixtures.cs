using Testbed.Testing;

[assembly: AssemblyFixture(typeof(AwsEnvironmentFixture))]
