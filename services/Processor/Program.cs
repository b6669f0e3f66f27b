using Testbed.Processor.Extensions;
using Testbed.Processor.Leases;
using Testbed.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddProcessor();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGet("/leases", (LeaseCoordinator coordinator) => new { coordinator.WorkerId, Shards = coordinator.HeldShards });
app.Run();
