using System.Text.Json;
using Testbed.Api.Datasets;

namespace Testbed.Services.Tests;

public sealed class ColumnValuesTests
{
    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(2.5m, ColumnValues.Median([4m, 1m, 3m, 2m]));
        Assert.Equal(3m, ColumnValues.Median([5m, 1m, 3m]));
    }

    [Fact]
    public void Ties_for_most_frequent_go_to_the_value_seen_first()
    {
        var values = new ColumnValues("c", [(0, Json("\"b\"")), (1, Json("\"a\"")), (2, Json("\"a\"")), (3, Json("\"b\""))]);

        var (value, count) = values.MostFrequent();

        Assert.Equal("b", value.GetString());
        Assert.Equal(2, count);
    }

    [Fact]
    public void A_text_value_makes_the_column_non_numeric_and_names_its_row()
    {
        var values = new ColumnValues("c", [(0, Json("1")), (7, Json("\"x\""))]);

        var (numbers, notNumeric) = values.AsNumbers();

        Assert.Null(numbers);
        Assert.Equal(7, notNumeric!.Value.Row);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
