using HousingSelfService.Web.Components;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Account;
using HousingSelfService.Web.Features.Account.TwoFactor;
using HousingSelfService.Web.Features.Home;
using HousingSelfService.Web.Features.Officer;
using HousingSelfService.Web.Features.Rent;
using HousingSelfService.Web.Features.Repairs;
using HousingSelfService.Web.Features.Tenancy;
using HousingSelfService.Web.Infrastructure;
using HousingSelfService.Web.Infrastructure.Notifications;
using HousingSelfService.Web.Infrastructure.ScaleOut;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

// Serve package assets (_content/MudBlazor/...) from a build in any environment, not only Development.
builder.WebHost.UseStaticWebAssets();

// Council API: with no address configured, run the reference API in-process (demo data, demo sign-ins).
builder.AddEmbeddedCouncilApiWhenUnconfigured();

// Blazor (interactive server, prerendered) and MudBlazor.
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddSingleton(TimeProvider.System);

// Data and Identity.
builder.Services.AddHousingData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddDatabaseDeveloperPageExceptionFilter();
builder.Services.AddAccountFeature(builder.Configuration);

// Emails and text messages (Notify-shaped; written to files unless a council plugs in its sender).
builder.Services.AddNotifications(builder.Configuration, builder.Environment.ContentRootPath);

// Council API clients, stamped with the signed-in person.
builder.Services.AddCouncilApiClients(builder.Configuration);
builder.Services.AddSignedInCouncilApiActor();

// Several instances behind a proxy: forwarded headers, shared circuit state, health endpoints.
builder.Services.AddScaleOut(builder.Configuration);

// Features.
builder.Services.AddHomeFeature();
builder.Services.AddRepairsFeature();
builder.Services.AddOfficerFeature();
builder.Services.AddTenancyFeature();
builder.Services.AddRentFeature();

var app = builder.Build();

// Pipeline.
app.UseForwardedHeaders();
if (app.Environment.IsDevelopment())
{
    app.UseMigrationsEndPoint();
}
else
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseHttpsRedirection();
app.UseAntiforgery();
app.UseOfficerTwoFactorEnrolment();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapTenancyDownloads();
app.MapRepairPhotos();
app.MapHealthEndpoints();
app.MapRentFeature();

await app.RunAsync();

/// <summary>The web app's entry point; public so tests can host it.</summary>
public partial class Program;
