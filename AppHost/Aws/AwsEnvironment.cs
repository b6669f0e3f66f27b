namespace Testbed.AppHost.Aws;

/// <summary>The AWS environment a resource is pointed at: the standard AWS_* variables and the resources it waits for.</summary>
/// <param name="mode">The mode it was built for.</param>
public sealed class AwsEnvironment(AwsMode mode)
{
    private readonly Dictionary<string, object> _variables = [];
    private readonly List<IResourceBuilder<IResource>> _dependencies = [];

    /// <summary>The mode it was built for (the services never see it).</summary>
    public AwsMode Mode { get; } = mode;

    /// <summary>The variables: text, an endpoint reference or a parameter, resolved when a resource starts.</summary>
    public IReadOnlyDictionary<string, object> Variables => _variables;

    /// <summary>The resources (emulators, container) that must be healthy before a user of the environment starts.</summary>
    public IReadOnlyList<IResourceBuilder<IResource>> Dependencies => _dependencies;

    /// <summary>Sets one variable.</summary>
    public AwsEnvironment Set(string name, object value)
    {
        _variables[name] = value;
        return this;
    }

    /// <summary>Adds a resource to wait for.</summary>
    public AwsEnvironment DependOn<T>(IResourceBuilder<T> resource)
        where T : IResource
    {
        _dependencies.Add((IResourceBuilder<IResource>)resource);
        return this;
    }
}
