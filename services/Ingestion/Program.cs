using Testbed.Ingestion.Apis;
using Testbed.Ingestion.Extensions;
using Testbed.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIngestion();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapEventsApi();
app.MapDatasetsApi();
app.Run();
