using Testbed.Api.Apis;
using Testbed.Api.Extensions;
using Testbed.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapEventsApi();
app.MapAggregatesApi();
app.MapPipelineApi();
app.MapDatasetsApi();
app.Run();
