namespace Testbed.ServiceDefaults.OpenApi;

/// <summary>Endpoint metadata: an example request body of one media type, and for a text format its schema's description.</summary>
/// <param name="ContentType">The media type, such as application/json or text/csv.</param>
/// <param name="Example">The example body as sent: JSON text for a JSON media type, else the text itself.</param>
/// <param name="TextDescription">For a text format (CSV, NDJSON), what the text holds; null for a media type whose schema the endpoint declares with Accepts.</param>
public sealed record RequestExample(string ContentType, string Example, string? TextDescription = null);
