using System.Security.Cryptography;

namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class SecretKeysTests
{
    [Fact]
    public void Hash_SameIdentityDifferentKeys_DiffersAndHidesTheIdentity()
    {
        var a = TempStore.RandomKeys();
        var b = TempStore.RandomKeys();

        Assert.Equal(a.Hash("discord:1234"), a.Hash("discord:1234"));
        Assert.NotEqual(a.Hash("discord:1234"), b.Hash("discord:1234"));
        Assert.DoesNotContain("1234", a.Hash("discord:1234"), StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_EncryptedText_RoundTripsAndTamperingThrows()
    {
        var keys = TempStore.RandomKeys();
        var cipher = keys.Encrypt("Ana Lopez");

        Assert.Equal("Ana Lopez", keys.Decrypt(cipher));
        cipher[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => keys.Decrypt(cipher));
    }

    [Fact]
    public void EncryptSubscriber_OwnKey_RoundTripsAndNoOtherKeyOpensOrMatchesIt()
    {
        var keys = TempStore.RandomKeys();
        var sealedId = keys.EncryptSubscriber("612345678901234567");

        Assert.Equal("612345678901234567", keys.DecryptSubscriber(sealedId));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => keys.Decrypt(sealedId));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => keys.DecryptSubscriber(keys.Encrypt("612345678901234567")));
        Assert.NotEqual(keys.Hash("discord:1"), keys.HashSubscriber("discord:1"));
        Assert.NotEqual(keys.HashEmail("discord:1"), keys.HashSubscriber("discord:1"));
    }

    [Fact]
    public void Hashes_SameIdentityEveryPurpose_AllDifferent()
    {
        var keys = TempStore.RandomKeys();

        string[] all = [keys.Hash("discord:1234"), keys.HashAuditActor("discord:1234"), keys.HashDraftOwner("discord:1234"), keys.HashEmail("discord:1234"), keys.HashSubscriber("discord:1234")];

        Assert.Equal(all.Length, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void DecryptToken_OwnKeyOrLegacyPayloadKey_OpensBothAndSaysWhichDraftKeyIsSeparate()
    {
        var keys = TempStore.RandomKeys();

        Assert.Equal("xoxb-new", keys.DecryptToken(keys.EncryptToken("xoxb-new"), out var newLegacy));
        Assert.False(newLegacy);
        Assert.Equal("xoxb-old", keys.DecryptToken(keys.Encrypt("xoxb-old"), out var oldLegacy));
        Assert.True(oldLegacy);
        Assert.ThrowsAny<CryptographicException>(() => keys.Decrypt(keys.EncryptToken("xoxb-new")));
        Assert.ThrowsAny<CryptographicException>(() => keys.DecryptDraft(keys.EncryptToken("xoxb-new")));
        Assert.ThrowsAny<CryptographicException>(() => keys.Decrypt(keys.EncryptDraft("{}")));
    }

    [Fact]
    public void Constructor_ShortSecret_Throws() =>
        Assert.Throws<ArgumentException>(() => new SecretKeys(new byte[16]));

    [Fact]
    public void Load_NoKeyFile_CreatesOneAndReusesIt()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pb-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new StorageOptions { Path = Path.Combine(dir, "x.db") };
            var first = SecretKeys.Load(options);
            var second = SecretKeys.Load(options);

            Assert.True(File.Exists(options.EffectiveKeyPath));
            Assert.Equal(first.Hash("discord:1"), second.Hash("discord:1"));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.EffectiveKeyPath));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
