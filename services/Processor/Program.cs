using Testbed.Processor.Apis;
using Testbed.Processor.Extensions;
using Testbed.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddProcessor();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapLeasesApi();
app.Run();
