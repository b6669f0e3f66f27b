namespace Testbed.LoadTests.Measurement;

/// <summary>What the freshness probe asked of the Api: the events it polled for and the reads (GET /events/{id}) it sent for them, warm-up included.</summary>
/// <param name="Events">Sampled events polled for.</param>
/// <param name="Reads">Reads sent, found or not.</param>
public sealed record ProbeReads(long Events, long Reads)
{
    /// <summary>Reads per sampled event; null without one.</summary>
    public double? PerEvent => Events == 0 ? null : (double)Reads / Events;
}
