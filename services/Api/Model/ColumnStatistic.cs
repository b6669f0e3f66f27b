namespace Testbed.Api.Model;

/// <summary>A numeric statistic of a column: which, over how many values, and its value.</summary>
public sealed record ColumnStatistic(string Dataset, string Column, string Statistic, long Count, decimal Value);
