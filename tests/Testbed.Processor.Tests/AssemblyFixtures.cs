using Testbed.Testing;

[assembly: AssemblyFixture(typeof(EmulatorsFixture))]
