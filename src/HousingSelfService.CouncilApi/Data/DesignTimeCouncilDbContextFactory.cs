using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HousingSelfService.CouncilApi.Data;

/// <summary>Lets <c>dotnet ef</c> build the context without starting the API.</summary>
public sealed class DesignTimeCouncilDbContextFactory : IDesignTimeDbContextFactory<CouncilDbContext>
{
    public CouncilDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CouncilDbContext>().UseSqlite("Data Source=App_Data/council-api.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server.</summary>
public sealed class DesignTimePostgresCouncilDbContextFactory : IDesignTimeDbContextFactory<PostgresCouncilDbContext>
{
    public PostgresCouncilDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCouncilDbContext>().UseNpgsql("Host=localhost;Database=council").Options);
}
