using System.Diagnostics;
using System.Globalization;
using OpenTelemetry.Trace;

namespace Testbed.ServiceDefaults;

/// <summary>The root sampler: drops outgoing-call spans that would start a trace of their own (a processor polls Kinesis a hundred times a second); keeps other roots, all of them or the ratio OTEL_TRACES_SAMPLER=traceidratio|parentbased_traceidratio with OTEL_TRACES_SAMPLER_ARG asks for (load runs trace 1 %).</summary>
public sealed class OrphanClientSpanSampler : Sampler
{
    private readonly Sampler _roots = RootSampler();

    /// <inheritdoc />
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client && samplingParameters.ParentContext.TraceId == default
            ? new SamplingResult(SamplingDecision.Drop)
            : _roots.ShouldSample(samplingParameters);

    private static Sampler RootSampler()
    {
        var kind = Environment.GetEnvironmentVariable("OTEL_TRACES_SAMPLER");
        var argument = Environment.GetEnvironmentVariable("OTEL_TRACES_SAMPLER_ARG");
        return kind is "traceidratio" or "parentbased_traceidratio"
            && double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio)
            && ratio is >= 0 and <= 1
                ? new TraceIdRatioBasedSampler(ratio)
                : new AlwaysOnSampler();
    }
}
