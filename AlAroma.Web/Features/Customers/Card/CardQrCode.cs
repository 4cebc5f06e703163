using QRCoder;

namespace AlAroma.Web.Features.Customers.Card;

/// <summary>
/// The QR code of a customer's loyalty card, shown in the client bot («Моя карта») and the Mini App. It carries the
/// customer's phone in E.164 ("+79161234567"): the till's «Телефон или код» field (a scanner types into it) finds a
/// customer by the full phone number or a six-digit code, and a code lives only 90 s, so the phone is what a card
/// that stays valid can hold.
/// </summary>
public static class CardQrCode
{
    /// <summary>Pixels per QR module of <see cref="Png"/>: a 25-module code (version 2) is 10 px × (25 + 8 quiet) ≈ 330 px.</summary>
    public const int PixelsPerModule = 10;

    /// <summary>The text inside the QR code: the phone in E.164, which the till's customer field accepts as typed.</summary>
    public static string Content(Customer c) => c.Phone;

    /// <summary>The QR code as a PNG image (black on white, error correction level M).</summary>
    public static byte[] Png(Customer c)
    {
        using var data = QRCodeGenerator.GenerateQrCode(Content(c), QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }
}
