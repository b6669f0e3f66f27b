using System.Net;

namespace Testbed.LoadTests.Scenarios;

/// <summary>Short, stable reasons for failed requests, so failures group in the report.</summary>
public static class Failures
{
    /// <summary>The reason for an answer that was not the expected status.</summary>
    public static string Of(HttpStatusCode status) => $"HTTP {(int)status}";

    /// <summary>The reason for a request that got no answer.</summary>
    public static string Of(Exception error) => error switch
    {
        TaskCanceledException => "timeout",
        HttpRequestException { HttpRequestError: var kind } => $"transport: {kind}",
        _ => error.GetType().Name,
    };

    /// <summary>The open model's requests that were not sent because too many were already waiting.</summary>
    public const string RunnerSaturated = "not sent: too many requests in flight";
}
