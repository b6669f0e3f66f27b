using System.Text.Json;

namespace Testbed.Web.Clients.Model;

/// <summary>A column's most frequent value and how many of the rows that hold the column have it.</summary>
public sealed record MostFrequentView(string Dataset, string Column, JsonElement Value, long Count, long Rows);
