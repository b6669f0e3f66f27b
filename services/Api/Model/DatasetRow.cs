using System.Text.Json;

namespace Testbed.Api.Model;

/// <summary>One row of a dataset, by its index in the uploaded file (header excluded).</summary>
public sealed record DatasetRow(string Dataset, long Row, JsonElement Data);
