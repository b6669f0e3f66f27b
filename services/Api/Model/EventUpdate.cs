using System.Text.Json;

namespace Testbed.Api.Model;

/// <summary>The body of PUT /events/{id}: the new payload (an object), and optionally a new type.</summary>
public sealed record EventUpdate(JsonElement? Data, string? Type);
