using System.Text.Json;

namespace Testbed.Api.Model;

/// <summary>A column's most frequent value (ties go to the value seen first) and how often it occurs among the rows that have one.</summary>
public sealed record MostFrequentValue(string Dataset, string Column, JsonElement Value, long Count, long Rows);
