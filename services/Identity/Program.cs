using Testbed.Identity.Apis;
using Testbed.Identity.Extensions;
using Testbed.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityIssuer();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.MapDefaultEndpoints();
app.MapDiscoveryApi();
app.MapTokenApi();
app.Run();
