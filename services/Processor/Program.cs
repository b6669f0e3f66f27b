using Testbed.Processor.Apis;
using Testbed.Processor.Extensions;
using Testbed.ServiceDefaults;
using Testbed.ServiceDefaults.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddProcessor();
builder.AddApiDocument(ProcessorDocument.About);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapApiDocument();
app.MapLeasesApi();
app.Run();
