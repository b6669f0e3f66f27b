using Testbed.Ingestion.Apis;
using Testbed.Ingestion.Extensions;
using Testbed.ServiceDefaults;
using Testbed.ServiceDefaults.Alarms;
using Testbed.ServiceDefaults.Authentication;
using Testbed.ServiceDefaults.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTokenAuthentication();
builder.AddIngestion();
builder.AddApiDocument(IngestionDocument.About);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapApiDocument();
app.MapEventsApi();
app.MapDatasetsApi();
app.MapAlarms();
app.Run();
