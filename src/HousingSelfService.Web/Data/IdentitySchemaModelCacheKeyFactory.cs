using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace HousingSelfService.Web.Data;

/// <summary>
/// EF caches one model per context type per process, but Identity shapes the model from the schema version it finds
/// in the application's IdentityOptions. Keying the cache on that version too means a context built with other
/// settings gets its own model instead of leaving a mismatched one behind for the next context.
/// </summary>
internal sealed class IdentitySchemaModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), designTime, SchemaVersionOf(context));

    private static Version? SchemaVersionOf(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?.GetService<IOptions<IdentityOptions>>()?.Value.Stores.SchemaVersion;
}
