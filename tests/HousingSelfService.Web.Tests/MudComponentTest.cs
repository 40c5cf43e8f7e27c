using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HousingSelfService.Web.Tests;

/// <summary>Base for component tests: loose JS interop (MudBlazor calls JS on render) and no transitions.</summary>
public abstract class MudComponentTest : BunitContext
{
    protected MudComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        // The layout's sign-out warning reads the idle time-out.
        Services.AddSingleton(HousingSelfService.Web.Features.Account.SessionTimeout.Default);
    }
}
