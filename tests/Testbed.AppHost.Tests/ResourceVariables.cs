using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Testbed.AppHost.Tests;

/// <summary>A resource's environment as the AppHost's model gives it, without starting anything.</summary>
public static class ResourceVariables
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

    /// <summary>The values as the manifest writes them: an endpoint as {identity.bindings.http.url}, text as itself.</summary>
    public static async Task<Dictionary<string, string?>> ReadAsync(IResource resource)
    {
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), resource);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context).WaitAsync(Bound, TestContext.Current.CancellationToken);
        }

        return context.EnvironmentVariables.ToDictionary(v => v.Key, v => v.Value switch
        {
            string text => text,
            IManifestExpressionProvider expression => expression.ValueExpression,
            _ => v.Value?.ToString(),
        });
    }
}
