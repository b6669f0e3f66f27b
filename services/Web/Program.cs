using Testbed.ServiceDefaults;
using Testbed.Web.Account;
using Testbed.Web.Components;
using Testbed.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWebFront();

var app = builder.Build();
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapSignIn();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();
