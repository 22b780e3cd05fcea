using System.Security.Cryptography;
using System.Text;

namespace PetitionBot.Storage;

/// <summary>The secret kept outside the database: keyed hashes of identities, and AES-GCM for draft values and tokens.</summary>
public sealed class SecretKeys
{
    /// <summary>The prefix of <see cref="HashCountedOnlyServer"/>: a stored server id starting with it is not a real id.</summary>
    public const string CountedOnlyServerPrefix = "h:";

    private readonly byte[] _hashKey;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _emailKey;
    private readonly byte[] _subscriberKey;
    private readonly byte[] _subscriberHashKey;
    private readonly byte[] _auditActorKey;
    private readonly byte[] _draftOwnerKey;
    private readonly byte[] _draftEncryptionKey;
    private readonly byte[] _tokenEncryptionKey;
    private readonly byte[] _countedOnlyServerKey;
    private readonly byte[] _flowTokenKey;

    public SecretKeys(byte[] secret)
    {
        if (secret.Length < 32)
        {
            throw new ArgumentException("The secret key must be at least 32 bytes.", nameof(secret));
        }

        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "petitionbot identity hash"u8.ToArray());
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "petitionbot payload encryption"u8.ToArray());
        _emailKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "petitionbot email hash"u8.ToArray());
        _subscriberKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "petitionbot subscriber id encryption"u8.ToArray());
        _subscriberHashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "petitionbot subscriber hash"u8.ToArray());
        _auditActorKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "petitionbot audit actor hash"u8.ToArray());
        _draftOwnerKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "petitionbot draft owner hash"u8.ToArray());
        _draftEncryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "petitionbot draft encryption"u8.ToArray());
        _tokenEncryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "petitionbot token encryption"u8.ToArray());
        _countedOnlyServerKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "petitionbot counted-only server"u8.ToArray());
        _flowTokenKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "petitionbot flow token mac"u8.ToArray());
    }

    /// <summary>Loads the key from options, or from the key file, creating the file (mode 600) on first use.</summary>
    public static SecretKeys Load(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SecretKey))
        {
            try
            {
                return new SecretKeys(Convert.FromBase64String(options.SecretKey));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                throw new SecretKeyException("Configuration error: Storage:SecretKey is not a base64 key of at least 32 bytes.", ex);
            }
        }

        var path = options.EffectiveKeyPath;
        if (File.Exists(path))
        {
            RefuseSharedKeyFile(path);
            try
            {
                return new SecretKeys(Convert.FromBase64String(File.ReadAllText(path).Trim()));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                throw new SecretKeyException($"Configuration error: Storage:KeyPath: {Path.GetFullPath(path)} is not a key file (damaged?). Restore it from your backup: a new key cannot read what is stored.", ex);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new SecretKeyException($"Configuration error: Storage:KeyPath: {Path.GetFullPath(path)} cannot be read ({ex.GetType().Name}); check its owner and permissions.", ex);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var secret = RandomNumberGenerator.GetBytes(32);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, fileOptions))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(secret));
        }

        return new SecretKeys(secret);
    }

    /// <summary>A key file that users other than its owner may read or write is refused: anyone who can read it can link
    /// every stored hash to a chat account, and anyone who can write it can make the store unreadable.</summary>
    private static void RefuseSharedKeyFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
            UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & Others) != 0)
        {
            throw new SecretKeyException($"Configuration error: Storage:KeyPath: {Path.GetFullPath(path)} can be read or written by other users (mode {Convert.ToString((int)mode, 8)}); run chmod 600 on it, or give the key as Storage:SecretKey.");
        }
    }

    /// <summary>HMAC-SHA256 of an identity key, base64url: the only form in which chat accounts are stored.</summary>
    public string Hash(string identityKey) =>
        Base64Url(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(identityKey)));

    /// <summary>HMAC-SHA256 of a normalized email address under its own derived key, base64url: the only form in which a
    /// verified address is stored. No value of another collection can equal it.</summary>
    public string HashEmail(string normalizedAddress) =>
        Base64Url(HMACSHA256.HashData(_emailKey, Encoding.UTF8.GetBytes(normalizedAddress)));

    /// <summary>The two subjects a code send is counted under (both stores): the person ("p:") and the address ("m:"),
    /// each the email key over a prefixed value, so neither equals a hash of another collection: not the identity hash,
    /// and not the <see cref="HashEmail"/> a verified signature keeps (a send's exact time would otherwise date that
    /// signature to the tick, though a counted-only row keeps its date only). Unlinked rows. Earlier versions counted
    /// the address as "a:" + its <see cref="HashEmail"/>; both stores delete such rows when they open.</summary>
    public (string Person, string Mailbox) EmailSendSubjects(string identityKey, string normalizedAddress) =>
        ("p:" + HashEmail("identity:" + identityKey), "m:" + HashEmail("mailbox:" + normalizedAddress));

    /// <summary>The prefix of the address subjects earlier versions wrote (equal to a verified signature's email hash).</summary>
    public const string LinkedMailboxPrefix = "a:";

    /// <summary>HMAC-SHA256 of the identity key of whoever made an audit entry, under the audit actors' own derived key:
    /// never equal to that person's signature identity hash, draft owner hash or email hash.</summary>
    public string HashAuditActor(string identityKey) =>
        Base64Url(HMACSHA256.HashData(_auditActorKey, Encoding.UTF8.GetBytes(identityKey)));

    /// <summary>HMAC-SHA256 of the owner of an unfinished flow (draft), under the drafts' own derived key.</summary>
    public string HashDraftOwner(string identityKey) =>
        Base64Url(HMACSHA256.HashData(_draftOwnerKey, Encoding.UTF8.GetBytes(identityKey)));

    /// <summary>What a counted-only signature keeps of its server: "h:" and a keyed hash of the server key under its
    /// own derived key, so an organizer can still invalidate a spamming server's signatures while a copy of the database
    /// does not say which server a counted-only signer is in.</summary>
    public string HashCountedOnlyServer(string serverKey) =>
        CountedOnlyServerPrefix + Base64Url(HMACSHA256.HashData(_countedOnlyServerKey, Encoding.UTF8.GetBytes(serverKey)));

    /// <summary>A 96-bit keyed MAC (16 base64url characters) of a flow token's state, bound to the person it was made for:
    /// lets a button carry a flow's small choices with no draft, and refuses it to anyone else or with any part edited.</summary>
    public string MacFlowToken(string ownerKey, string state) =>
        Base64Url(HMACSHA256.HashData(_flowTokenKey, Encoding.UTF8.GetBytes(ownerKey + "\n" + state))[..12]);

    /// <summary>AES-GCM under the shared payload key of earlier versions; kept for callers that have no key of their own.</summary>
    public byte[] Encrypt(string plaintext) => Seal(_encryptionKey, plaintext);

    public string Decrypt(byte[] data) => Open(_encryptionKey, data);

    /// <summary>AES-GCM of a draft's typed answers under the drafts' own derived key.</summary>
    public byte[] EncryptDraft(string plaintext) => Seal(_draftEncryptionKey, plaintext);

    public string DecryptDraft(byte[] data) => Open(_draftEncryptionKey, data);

    /// <summary>AES-GCM of a workspace token under the tokens' own derived key.</summary>
    public byte[] EncryptToken(string plaintext) => Seal(_tokenEncryptionKey, plaintext);

    /// <summary>Decrypts a token; one sealed by an earlier version under the shared payload key still opens
    /// (<paramref name="legacy"/> is then true, and the store re-encrypts it).</summary>
    public string DecryptToken(byte[] data, out bool legacy)
    {
        try
        {
            legacy = false;
            return Open(_tokenEncryptionKey, data);
        }
        catch (AuthenticationTagMismatchException)
        {
            legacy = true;
            return Open(_encryptionKey, data);
        }
    }

    private static byte[] Seal(byte[] key, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[12 + 16 + plain.Length];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plain, output.AsSpan(28), output.AsSpan(12, 16));
        return output;
    }

    private static string Open(byte[] key, byte[] data)
    {
        var plain = new byte[data.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(data.AsSpan(0, 12), data.AsSpan(28), data.AsSpan(12, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>AES-GCM under the key of its own ("petitionbot subscriber id encryption") for the platform user id a
    /// notification opt-in keeps: nothing else is encrypted with it, so no other stored value opens it.</summary>
    public byte[] EncryptSubscriber(string userId) => Seal(_subscriberKey, userId);

    public string DecryptSubscriber(byte[] data) => Open(_subscriberKey, data);

    /// <summary>HMAC-SHA256 of an identity key under the opt-ins' own key, base64url: finds a person's opt-ins without
    /// sharing a value with the signatures' identity hash.</summary>
    public string HashSubscriber(string identityKey) =>
        Base64Url(HMACSHA256.HashData(_subscriberHashKey, Encoding.UTF8.GetBytes(identityKey)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
