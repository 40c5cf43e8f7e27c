using System.Security.Claims;
using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HousingSelfService.Web.Tests.Infrastructure;

public sealed class SignedInActorAccessorTests
{
    private static ClaimsPrincipal User(string id, string email) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email)], "test"));

    [Fact]
    public async Task In_a_circuit_the_actor_comes_from_the_circuits_authentication_state_not_HttpContext()
    {
        var circuit = new CircuitServicesAccessor();
        var httpContext = new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = User("someone-else", "other@example.test") } };
        var circuitServices = new ServiceCollection()
            .AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationStateProvider(User("user-1", "ada@example.test")))
            .BuildServiceProvider();
        var accessor = new SignedInActorAccessor(circuit, httpContext);

        circuit.Services = circuitServices;
        var actor = await accessor.GetCurrentActorAsync(TestContext.Current.CancellationToken);
        circuit.Services = null;

        actor.ShouldNotBeNull();
        actor.Subject.ShouldBe("user-1");
        actor.Email.ShouldBe("ada@example.test");
    }

    [Fact]
    public async Task While_prerendering_the_actor_comes_from_the_request()
    {
        var httpContext = new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = User("user-2", "bo@example.test") } };
        var accessor = new SignedInActorAccessor(new CircuitServicesAccessor(), httpContext);

        var actor = await accessor.GetCurrentActorAsync(TestContext.Current.CancellationToken);

        actor.ShouldNotBeNull();
        actor.Subject.ShouldBe("user-2");
    }

    [Fact]
    public async Task Nobody_signed_in_means_the_service_acts_for_itself()
    {
        var httpContext = new HttpContextAccessor { HttpContext = new DefaultHttpContext() };
        var accessor = new SignedInActorAccessor(new CircuitServicesAccessor(), httpContext);

        (await accessor.GetCurrentActorAsync(TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    private sealed class FixedAuthenticationStateProvider(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
