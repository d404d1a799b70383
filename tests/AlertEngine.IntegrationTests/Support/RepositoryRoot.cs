namespace AlertEngine.IntegrationTests.Support;

/// <summary>Finds files of the repository (samples/, rules/, appsettings.example.json) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "AlertEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"AlertEngine.sln not found above {AppContext.BaseDirectory}");
    }
}
