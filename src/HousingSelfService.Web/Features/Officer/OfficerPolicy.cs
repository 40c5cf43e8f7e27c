using System.Security.Claims;
using HousingSelfService.Web.Features.Assist;
using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Endpoints;

namespace HousingSelfService.Web.Features.Officer;

/// <summary>The policy on every page in <c>Features/Officer/Pages</c> (see its <c>_Imports.razor</c>).</summary>
public static class OfficerPolicy
{
    public const string Name = "Officer";
}

/// <summary>Only officers pass. A signed-in user who is not one is refused, and the attempt is logged and audited.</summary>
public sealed class OfficerOnlyRequirement : IAuthorizationRequirement;

public sealed class OfficerOnlyHandler(IHttpContextAccessor httpContextAccessor, AuditTrail audit, TimeProvider time,
    ILogger<OfficerOnlyHandler> logger) : AuthorizationHandler<OfficerOnlyRequirement>
{
    private const string LoggedKey = "officer-page-refusal-logged";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OfficerOnlyRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.IsInRole(AppRoles.Officer))
        {
            context.Succeed(requirement);
            return;
        }

        if (context.User.Identity?.IsAuthenticated != true || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return; // signed out: the challenge sends them to sign in; nothing to log
        }

        // The endpoint and the page's route view both check; log the refusal once per request.
        var http = httpContextAccessor.HttpContext;
        if (http is not null && !http.Items.TryAdd(LoggedKey, true))
        {
            return;
        }

        var page = http?.Request.Path.Value ?? context.Resource?.ToString() ?? "an officer page";
        logger.LogWarning("User {UserId} is not an officer and was refused {Page}.", userId, page);
        await audit.WriteAsync(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Kind = AuditKind.OfficerPageRefused,
            UserId = userId,
            UserName = context.User.Identity.Name ?? userId,
            Action = page.Length > 500 ? page[..500] : page,
        }).ConfigureAwait(false);
    }
}

/// <summary>
/// A signed-in non-officer on an officer page gets 403 with the usual "You cannot see this page" content, not a
/// redirect: the page's route view renders that content (the page itself never runs).
/// </summary>
public sealed class OfficerForbiddenResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden
            && policy.Requirements.OfType<OfficerOnlyRequirement>().Any()
            && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return next(context);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
