namespace Testbed.Web.Clients;

/// <summary>Why a call to the Api or the ingestion failed, from its problem details (RFC 7807), in words for the person.</summary>
/// <param name="Status">The HTTP status, or 0 when the service could not be reached.</param>
/// <param name="Title">The problem's title.</param>
/// <param name="Detail">The problem's detail, if any.</param>
/// <param name="Errors">Per-field messages of a validation problem.</param>
public sealed record Problem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>Every message of the problem in one line: the detail and each field's messages.</summary>
    public string Message => string.Join(" ", new[] { Detail }.Concat(Errors.SelectMany(e => e.Value)).Where(m => !string.IsNullOrWhiteSpace(m)));
}
