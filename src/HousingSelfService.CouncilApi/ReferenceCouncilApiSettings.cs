namespace HousingSelfService.CouncilApi;

/// <summary>How to run the reference council API; all defaults are in code because this project ships no appsettings.json.</summary>
public sealed class ReferenceCouncilApiSettings
{
    /// <summary>Where to listen; <c>http://127.0.0.1:0</c> picks any free port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5100";

    /// <summary>Which database engine <see cref="ConnectionString"/> points at.</summary>
    public CouncilDatabaseProvider DatabaseProvider { get; set; } = CouncilDatabaseProvider.Sqlite;

    /// <summary>
    /// SQLite (<c>Data Source=App_Data/council-api.db</c>) or PostgreSQL (<c>Host=…;Database=council;Username=…</c>)
    /// connection string, as <see cref="DatabaseProvider"/> says.
    /// </summary>
    public required string ConnectionString { get; set; }

    /// <summary>HS256 secret that callers' tokens must be signed with; at least 32 characters.</summary>
    public required string SigningKey { get; set; }

    /// <summary>A token must carry at least one of these in its <c>groups</c> claim.</summary>
    public string[] AllowedGroups { get; set; } = ["housing-self-service", "housing-officers"];

    public bool SeedDemoData { get; set; } = true;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Added to every API call, for benchmarks.</summary>
    public TimeSpan InjectedLatency { get; set; } = TimeSpan.Zero;
}

public enum CouncilDatabaseProvider { Sqlite, Postgres }
