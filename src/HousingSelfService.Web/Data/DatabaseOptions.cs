namespace HousingSelfService.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Where the app's own database lives (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for SQLite files (app and embedded council API); relative to the content root.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>The data folder as an absolute path, created if missing.</summary>
    public string ResolveDataFolder(string contentRoot)
    {
        var folder = Path.GetFullPath(Path.Combine(contentRoot, DataFolder));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
