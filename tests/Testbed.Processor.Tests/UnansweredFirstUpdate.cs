using System.Reflection;
using System.Runtime.ExceptionServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Testbed.Processor.Tests;

/// <summary>
/// The real DynamoDB client, except that the first UpdateItem lands but its reply never comes: the caller waits until its token is cancelled,
/// as when a stop cuts the call off after DynamoDB has applied it.
/// </summary>
public class UnansweredFirstUpdate : DispatchProxy
{
    private readonly TaskCompletionSource _landed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IAmazonDynamoDB _inner = null!;
    private int _updates;

    /// <summary>Completes once the first UpdateItem has been applied by DynamoDB (its caller still waiting).</summary>
    public Task Landed => _landed.Task;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public static (IAmazonDynamoDB Client, UnansweredFirstUpdate Proxy) Over(IAmazonDynamoDB inner)
    {
        var client = Create<IAmazonDynamoDB, UnansweredFirstUpdate>();
        var proxy = (UnansweredFirstUpdate)(object)client;
        proxy._inner = inner;
        return (client, proxy);
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (args is [UpdateItemRequest request, CancellationToken token] && Interlocked.Increment(ref _updates) == 1)
        {
            return LandWithoutReplyAsync(request, token);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(error.InnerException);
            throw;
        }
    }

    private async Task<UpdateItemResponse> LandWithoutReplyAsync(UpdateItemRequest request, CancellationToken token)
    {
        await _inner.UpdateItemAsync(request, CancellationToken.None).ConfigureAwait(false);
        _landed.TrySetResult();
        await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
        throw new OperationCanceledException(token);
    }
}
