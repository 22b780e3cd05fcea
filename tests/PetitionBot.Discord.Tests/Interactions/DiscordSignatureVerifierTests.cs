using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;
using PetitionBot.Discord.Interactions;

namespace PetitionBot.Discord.Tests.Interactions;

/// <summary>The Ed25519 check of HTTP interactions against RFC 8032 section 7.1, TEST 1 (empty message), and the way
/// Discord signs: timestamp bytes followed by the raw body bytes.</summary>
public sealed class DiscordSignatureVerifierTests
{
    private const string Test1SecretKey = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string Test1PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Test1Signature =
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    [Fact]
    public void VerifyMessage_Rfc8032Test1_Accepted() =>
        Assert.True(DiscordSignatureVerifier.VerifyMessage(Test1PublicKey, [], Test1Signature));

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(63)]
    public void VerifyMessage_Rfc8032Test1WithOneSignatureByteFlipped_Rejected(int index)
    {
        var signature = Convert.FromHexString(Test1Signature);
        signature[index] ^= 0x01;

        Assert.False(DiscordSignatureVerifier.VerifyMessage(Test1PublicKey, [], Convert.ToHexString(signature)));
    }

    [Fact]
    public void VerifyMessage_Rfc8032Test1WithOneMessageByte_Rejected() =>
        Assert.False(DiscordSignatureVerifier.VerifyMessage(Test1PublicKey, [0x00], Test1Signature));

    [Fact]
    public void Sign_Rfc8032Test1SecretKey_ReproducesTheVectorsPublicKeyAndSignature()
    {
        // Checks the signing side the tests use (NSec) against the RFC, so a passing check below means Discord's scheme.
        using var key = Test1Key();

        Assert.Equal(Test1PublicKey, Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)), ignoreCase: true);
        Assert.Equal(Test1Signature, Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, [])), ignoreCase: true);
    }

    [Fact]
    public void Verify_TimestampAndBodySignedWithRfcKey_Accepted()
    {
        using var key = Test1Key();
        var (timestamp, body) = ("1767225600", Encoding.UTF8.GetBytes("""{"type":1}"""));
        var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));

        Assert.True(Verifier().Verify(timestamp, body, signature));
    }

    [Theory]
    [InlineData("1767225601", """{"type":1}""")]
    [InlineData("1767225600", """{"type":1} """)]
    [InlineData("", """{"type":1}""")]
    public void Verify_TimestampOrBodyNotTheSignedOnes_Rejected(string timestamp, string body)
    {
        using var key = Test1Key();
        var signed = Encoding.UTF8.GetBytes("1767225600" + """{"type":1}""");
        var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, signed));

        Assert.False(Verifier().Verify(timestamp, Encoding.UTF8.GetBytes(body), signature));
    }

    [Fact]
    public void Verify_BodyOnlySignedWithoutTimestamp_Rejected()
    {
        using var key = Test1Key();
        var body = Encoding.UTF8.GetBytes("""{"type":1}""");
        var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, body));

        Assert.False(Verifier().Verify("1767225600", body, signature));
    }

    private static Key Test1Key() =>
        Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(Test1SecretKey), KeyBlobFormat.RawPrivateKey);

    private static DiscordSignatureVerifier Verifier() =>
        new(Options.Create(new DiscordOptions { Token = "t", ApplicationId = "1", PublicKey = Test1PublicKey }));
}
