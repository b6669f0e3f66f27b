using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Testbed.ServiceDefaults;

/// <summary>Gives ASP.NET Core's request spans OpenTelemetry's names and attributes ("POST /events", http.route, status), the job the absent instrumentation package would do, and keeps health probes out of traces.</summary>
public static class ServerSpanNaming
{
    private static readonly PathString[] Probes = ["/health", "/alive"];

    /// <summary>Adds the middleware; it must run after routing so the route template is known.</summary>
    public static IApplicationBuilder UseServerSpanNaming(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var span = context.Features.Get<IHttpActivityFeature>()?.Activity;
        if (span is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (Probes.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            // The AppHost probes every second: those spans would bury the pipeline's traces.
            span.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            span.IsAllDataRequested = false;
            await next(context).ConfigureAwait(false);
            return;
        }

        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var route = template is null ? null : "/" + template.Trim('/');
        span.DisplayName = route is null ? context.Request.Method : $"{context.Request.Method} {route}";
        span.SetTag("http.request.method", context.Request.Method);
        span.SetTag("url.path", context.Request.Path.Value);
        if (route is not null)
        {
            span.SetTag("http.route", route);
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            span.SetTag("http.response.status_code", context.Response.StatusCode);
            if (context.Response.StatusCode >= 500)
            {
                span.SetStatus(ActivityStatusCode.Error, $"HTTP {context.Response.StatusCode}");
            }
        }
    });
}
