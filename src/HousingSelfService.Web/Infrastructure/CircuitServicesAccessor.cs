using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HousingSelfService.Web.Infrastructure;

/// <summary>
/// Gives code outside a circuit's DI scope (such as HTTP message handlers, which get their own scope) the circuit's
/// services while the circuit is handling an inbound event. The documented pattern:
/// https://learn.microsoft.com/aspnet/core/blazor/fundamentals/dependency-injection#access-server-side-blazor-services-from-a-different-di-scope
/// </summary>
public sealed class CircuitServicesAccessor
{
    private static readonly AsyncLocal<IServiceProvider?> BlazorServices = new();

    public IServiceProvider? Services
    {
        get => BlazorServices.Value;
        set => BlazorServices.Value = value;
    }
}

/// <summary>Sets <see cref="CircuitServicesAccessor.Services"/> for each inbound circuit activity.</summary>
public sealed class ServicesAccessorCircuitHandler(IServiceProvider services, CircuitServicesAccessor servicesAccessor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            servicesAccessor.Services = services;
            await next(context);
            servicesAccessor.Services = null;
        };
}
