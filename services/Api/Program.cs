using Testbed.Api.Apis;
using Testbed.Api.Extensions;
using Testbed.ServiceDefaults;
using Testbed.ServiceDefaults.Authentication;
using Testbed.ServiceDefaults.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTokenAuthentication();
builder.AddApi();
builder.AddApiDocument(QueryApiDocument.About);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapApiDocument();
app.MapEventsApi();
app.MapAggregatesApi();
app.MapPipelineApi();
app.MapDatasetsApi();
app.MapSchemasApi();
app.MapAlarmsApi();
app.Run();
