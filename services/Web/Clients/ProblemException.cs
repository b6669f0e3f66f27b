namespace Testbed.Web.Clients;

/// <summary>A call failed; <see cref="Problem"/> says why, for the page to show.</summary>
public sealed class ProblemException(Problem problem) : Exception($"{problem.Status} {problem.Title} {problem.Message}")
{
    /// <summary>The failure as the service described it.</summary>
    public Problem Problem { get; } = problem;
}
