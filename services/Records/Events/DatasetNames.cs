namespace Testbed.Records.Events;

/// <summary>How a dataset's rows are named on the stream and in the items table, so Ingestion and the Api agree.</summary>
public static class DatasetNames
{
    /// <summary>Whether a dataset name is 1-100 letters, digits, '.', '_' or '-'.</summary>
    public static bool IsValid(string name) => name.Length <= 100 && EventRules.IsValidType(name);

    /// <summary>The event type of a dataset's rows.</summary>
    public static string TypeOf(string dataset) => "dataset." + dataset;

    /// <summary>The id of a row: the same for the same dataset and index, so a retried upload overwrites instead of adding.</summary>
    public static string RowId(string dataset, long row) => $"dataset:{dataset}:{row}";
}
