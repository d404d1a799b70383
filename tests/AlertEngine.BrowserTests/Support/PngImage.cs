using System.Buffers.Binary;
using System.IO.Compression;

namespace AlertEngine.BrowserTests.Support;

/// <summary>
/// Just enough of a PNG reader for Chromium's screenshots (8-bit RGB or RGBA, not interlaced): the
/// size from the IHDR chunk and the pixels, so a test can tell a page from a blank picture.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, int[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Each pixel as 0xRRGGBBAA, row by row.</summary>
    public int[] Pixels { get; }

    /// <summary>The share of pixels whose colour is not the picture's most common one (its background).</summary>
    public double Drawn => 1 - (double)Pixels.GroupBy(p => p).Max(g => g.Count()) / Pixels.Length;

    /// <summary>How many different colours the picture has.</summary>
    public int Colours => Pixels.Distinct().Count();

    public static PngImage Read(byte[] png, string path)
    {
        ArgumentNullException.ThrowIfNull(png);
        Assert.True(png.Length > 33 && png.AsSpan(0, 8).SequenceEqual(Signature), $"{path} is not a PNG");
        Assert.True(png.AsSpan(12, 4).SequenceEqual("IHDR"u8), $"{path} does not open with an IHDR chunk");
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        var (depth, colourType, interlace) = (png[24], png[25], png[28]);
        Assert.True(depth == 8 && colourType is 2 or 6 && interlace == 0, $"{path}: bit depth {depth}, colour type {colourType}, interlace {interlace}; this reader takes 8-bit RGB(A), not interlaced");
        var channels = colourType == 6 ? 4 : 3;

        using var data = new MemoryStream();
        for (var at = 8; at + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at, 4));
            if (png.AsSpan(at + 4, 4).SequenceEqual("IDAT"u8))
            {
                data.Write(png, at + 8, length);
            }

            at += 12 + length;
        }

        data.Position = 0;
        using var inflated = new ZLibStream(data, CompressionMode.Decompress);
        var stride = width * channels;
        var previous = new byte[stride];
        var row = new byte[stride];
        var pixels = new int[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = inflated.ReadByte();
            inflated.ReadExactly(row);
            Unfilter(filter, row, previous, channels, path);
            for (var x = 0; x < width; x++)
            {
                var i = x * channels;
                pixels[(y * width) + x] = (row[i] << 24) | (row[i + 1] << 16) | (row[i + 2] << 8) | (channels == 4 ? row[i + 3] : 0xFF);
            }

            (previous, row) = (row, previous);
        }

        return new PngImage(width, height, pixels);
    }

    private static void Unfilter(int filter, byte[] row, byte[] previous, int channels, string path)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= channels ? row[i - channels] : 0, up = previous[i], upLeft = i >= channels ? previous[i - channels] : 0;
            row[i] += filter switch
            {
                0 => 0,
                1 => (byte)left,
                2 => (byte)up,
                3 => (byte)((left + up) / 2),
                4 => (byte)Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"{path}: unknown PNG filter {filter}"),
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
