using System.Globalization;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.BrowserTests.Support;

/// <summary>
/// Screenshots as test artifacts: taken into <c>artifacts/browser-screenshots/</c> at the repository
/// root (the git-ignored build output folder), checked to be a picture of a page, attached to the
/// test's result and their paths written to its output.
/// </summary>
internal static class Screenshots
{
    /// <summary>The least share of pixels off the background colour for a picture to count as a page (text, tables, badges).</summary>
    public const double LeastDrawn = 0.01;

    /// <summary>The fewest colours for a picture to count as a page (anti-aliased text alone brings dozens).</summary>
    public const int FewestColours = 16;

    public static string Folder { get; } = RepositoryRoot.File("artifacts", "browser-screenshots");

    /// <summary>
    /// Takes a screenshot of <paramref name="page"/> as <c>{name}-{width}x{height}.png</c> and checks it: a PNG
    /// of exactly that size that is no blank or single-colour picture.
    /// </summary>
    public static async Task<string> TakeAsync(Uri page, string name, int width, int height)
    {
        Directory.CreateDirectory(Folder);
        var png = Path.Combine(Folder, $"{name}-{width}x{height}.png");
        await Chromium.ScreenshotAsync(page, width, height, png);
        var bytes = await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken);
        // The runner names the attachment file from its media type: name it without the extension.
        TestContext.Current.AddAttachment(Path.GetFileNameWithoutExtension(png), bytes, "image/png");

        var image = PngImage.Read(bytes, png);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"screenshot: {png} ({bytes.Length} bytes, {image.Colours} colours, {image.Drawn:P1} drawn)"));
        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.True(image.Colours >= FewestColours && image.Drawn >= LeastDrawn, $"{png} looks blank: {image.Colours} colours, {image.Drawn:P1} of it off the background");
        return png;
    }
}
