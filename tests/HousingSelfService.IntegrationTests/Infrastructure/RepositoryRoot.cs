namespace HousingSelfService.IntegrationTests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The folder holding HousingSelfService.sln, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "HousingSelfService.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("HousingSelfService.sln was not found above " + AppContext.BaseDirectory);
    }
}
