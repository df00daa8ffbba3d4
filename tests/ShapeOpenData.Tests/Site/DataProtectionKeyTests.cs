using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace ShapeOpenData.Tests.Site;

/// <summary>The service with <c>DataProtection:CertificatePath</c> set, as production is.</summary>
public sealed class CertificateServiceFactory : ServiceFactory
{
    public const string CertificatePassword = "a password for the test certificate";

    public CertificateServiceFactory()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Shape open data keys (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    public string CertificatePath => Path.Combine(DataDirectory, "keys.pfx");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        .. base.Settings,
        new("DataProtection:CertificatePath", CertificatePath),
        new("DataProtection:CertificatePassword", CertificatePassword),
    ];
}

/// <summary>
/// Someone who reads the database (a backup, a leaked dump) must not get the keys that sign sign-in cookies, reset
/// links and unsubscribe links: with a certificate configured, keys are kept encrypted with it.
/// </summary>
public sealed class DataProtectionKeyTests(CertificateServiceFactory service) : IClassFixture<CertificateServiceFactory>
{
    [Fact]
    public async Task WithACertificate_NewKeysAreStoredEncrypted()
    {
        var manager = service.Services.GetRequiredService<IKeyManager>();

        var key = manager.CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

        var xml = await service.WithDatabaseAsync(db => db.DataProtectionKeys.Where(k => k.FriendlyName == "key-" + key.KeyId.ToString("D"))
            .Select(k => k.Xml).SingleAsync());
        Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithACertificate_TheServiceStillSignsPeopleIn()
    {
        var protector = service.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("round trip", protector.Unprotect(protector.Protect("round trip")));

        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        Assert.Equal("/", (await session.SignInAsync(person)).Url);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account")).Status);
    }
}
