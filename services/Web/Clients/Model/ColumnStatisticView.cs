namespace Testbed.Web.Clients.Model;

/// <summary>A numeric statistic of a column (mean or median) over the rows that hold it.</summary>
public sealed record ColumnStatisticView(string Dataset, string Column, string Statistic, long Count, decimal Value);
