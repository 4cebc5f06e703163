using System.Buffers.Binary;
using System.IO.Compression;

namespace AlAroma.Tests.Warehouse.Labels;

/// <summary>
/// A minimal PNG reader for test screenshots (8-bit grey, grey+alpha, RGB or RGBA, not interlaced — what Chromium
/// writes): gives each pixel's luminance 0 (black) … 255 (white), alpha composited over white.
/// </summary>
public sealed class PngImage
{
    public int Width { get; }
    public int Height { get; }
    private readonly byte[] _luma;

    private PngImage(int width, int height, byte[] luma) => (Width, Height, _luma) = (width, height, luma);

    /// <summary>Luminance of row <paramref name="y"/>.</summary>
    public ReadOnlySpan<byte> Row(int y) => _luma.AsSpan(y * Width, Width);

    public static PngImage Decode(byte[] png)
    {
        ReadOnlySpan<byte> signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (!png.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("Not a PNG file.");
        int width = 0, height = 0, colorType = 0;
        using var idat = new MemoryStream();
        for (var pos = 8; pos < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                var depth = data[8];
                colorType = data[9];
                if (depth != 8 || data[12] != 0 || colorType is not (0 or 2 or 4 or 6))
                    throw new NotSupportedException($"PNG depth {depth}, colour type {colorType}, interlace {data[12]} is not supported.");
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            pos += 12 + length;
        }

        var bpp = colorType switch { 0 => 1, 4 => 2, 2 => 3, _ => 4 };
        var stride = width * bpp;
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.GetBuffer();
        var prev = new byte[stride];
        var cur = new byte[stride];
        var luma = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            Array.Copy(bytes, y * (stride + 1) + 1, cur, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                cur[i] = (byte)(cur[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Bad PNG filter {filter}."),
                });
            }
            for (var x = 0; x < width; x++)
            {
                var px = cur.AsSpan(x * bpp, bpp);
                double lum = colorType is 0 or 4 ? px[0] : 0.299 * px[0] + 0.587 * px[1] + 0.114 * px[2];
                var alpha = colorType == 4 ? px[1] / 255.0 : colorType == 6 ? px[3] / 255.0 : 1.0;
                luma[y * width + x] = (byte)Math.Round(lum * alpha + 255 * (1 - alpha));
            }
            (prev, cur) = (cur, prev);
        }
        return new PngImage(width, height, luma);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
