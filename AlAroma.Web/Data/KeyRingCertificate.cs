using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AlAroma.Web.Data;

/// <summary>
/// The certificate that encrypts the Data Protection key ring in <c>data_protection_keys</c> (the keys sign the
/// login cookies: whoever reads them in plain text can sign in as anyone). Configuration
/// <c>DataProtection:CertificatePath</c> (a PKCS#12 file with the private key) and
/// <c>DataProtection:CertificatePassword</c> name it on a server; without them, for a run from the checkout, a
/// self-signed certificate is generated once in <c>.data/keys/</c> and reused by every later start.
/// </summary>
public static class KeyRingCertificate
{
    /// <summary>The generated certificate's file, under the data directory.</summary>
    public const string LocalFileName = "keys/key-ring.pfx";

    /// <summary>Loads the configured certificate, else the local one (creating it on first use).</summary>
    /// <param name="dataDir">Where the local certificate lives (the checkout's <c>.data</c>).</param>
    /// <exception cref="InvalidOperationException">The configured file is missing, or the local one cannot be written.</exception>
    public static X509Certificate2 Load(IConfiguration config, string dataDir)
    {
        var path = config["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (!File.Exists(path))
                throw new InvalidOperationException($"DataProtection:CertificatePath: no file {path} (a PKCS#12 certificate with its private key, see README \"Server install\").");
            return X509CertificateLoader.LoadPkcs12FromFile(path, config["DataProtection:CertificatePassword"]);
        }
        var local = Path.Combine(dataDir, LocalFileName);
        if (!File.Exists(local)) CreateLocal(local);
        return X509CertificateLoader.LoadPkcs12FromFile(local, password: null);
    }

    /// <summary>
    /// A self-signed RSA certificate, written readable by the owner only. Written to a temporary file and moved into
    /// place, so parallel starts (the test assemblies) end up sharing whichever came first.
    /// </summary>
    private static void CreateLocal(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=Al Aroma key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
            // Data Protection checks no dates when it decrypts; a long life only spares a confusing "expired" look.
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, cert.Export(X509ContentType.Pkcs12));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try { File.Move(temp, path, overwrite: false); }
            catch (IOException) when (File.Exists(path)) { File.Delete(temp); }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Cannot create the key ring certificate {path}: {e.Message}. Set DataProtection:CertificatePath (and DataProtection:CertificatePassword) to a PKCS#12 certificate.", e);
        }
    }
}
