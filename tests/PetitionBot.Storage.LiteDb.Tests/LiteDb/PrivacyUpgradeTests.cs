using LiteDB;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>A file written before the per-purpose keys is brought to them when opened (issue 13, item 1).</summary>
public sealed class PrivacyUpgradeTests
{
    private static readonly ServerRef Guild = new(PlatformKind.Discord, "1");

    [Fact]
    public async Task Open_FileFromBeforePerPurposeKeys_OldActorsDroppedOldDraftsGoneTokensReencrypted()
    {
        using var store = new TempStore();
        var keys = store.Keys;
        WriteLegacyRows(store.Context, keys);
        store.Context.Dispose();

        using (var reopened = new LiteDbContext(store.Options))
        {
            var audit = new LiteDbAuditLog(reopened);
            var entry = Assert.Single(await audit.RecentAsync(10));
            Assert.Equal(("", "changed=channel"), (entry.ActorKey, entry.Detail));
            Assert.Empty(reopened.Drafts.FindAll());
            var installation = await new LiteDbInstallationStore(reopened).FindAsync(new ServerRef(PlatformKind.Slack, "T1"));
            Assert.Equal("xoxb-old", installation!.AccessToken);
            Assert.Equal("xoxb-old", keys.DecryptToken(reopened.Installations.FindById("slack:T1").TokenCipher, out var legacy));
            Assert.False(legacy);
            Assert.DoesNotContain(keys.Hash("discord:5"), string.Join('\n', reopened.Audit.FindAll().Select(a => a.ActorHash)), StringComparison.Ordinal);
            await audit.AppendAsync(new AuditEntry(AuditActions.Update, Guild, "discord:5", "after", TempStore.T0));
        }

        // Idempotent: a second start keeps the actors written under the audit key.
        using (var again = new LiteDbContext(store.Options))
        {
            Assert.Single(await new LiteDbAuditLog(again).FindByActorAsync("discord:5"));
        }
    }

    [Fact]
    public async Task Open_CountedOnlyRowsFromBefore_DateOnlyAndNoServerIdNamedUntouched()
    {
        using var store = new TempStore();
        var at = new DateTimeOffset(2026, 3, 10, 13, 37, 12, TimeSpan.Zero);
        await store.Signatures.AddAsync(TempStore.Signature("1", name: null, serverId: "424242", at: at), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", serverId: "515151", at: at), MilestonePlan.None);
        var doc = store.Context.Signatures.FindOne(s => s.FullName == null);
        doc.SignedAtTicks = at.UtcTicks;
        doc.WorkspaceId = "424242";
        store.Context.Signatures.Update(doc);
        store.Context.Dispose();

        using var reopened = new LiteDbContext(store.Options);
        var signatures = new LiteDbSignatureStore(reopened);
        Assert.Equal(at.Date, (await signatures.FindAsync(TempStore.CampaignId, "discord:1"))!.SignedAt.UtcDateTime);
        Assert.Equal(1, await signatures.InvalidateAsync(TempStore.CampaignId, new ServerRef(PlatformKind.Discord, "424242"), null, null));
        Assert.Equal(at, (await signatures.FindAsync(TempStore.CampaignId, "discord:2"))!.SignedAt);
        Assert.DoesNotContain(reopened.Signatures.FindAll(), s => s.WorkspaceId == "424242");
    }

    [Fact]
    public async Task Open_CountedOnlyRowWithTimedIdAndServer_NewDateOnlyIdClaimFollowsOldValuesInNoFile()
    {
        using var store = new TempStore();
        var at = new DateTimeOffset(2026, 3, 10, 13, 37, 12, TimeSpan.Zero);
        await store.Signatures.AddAsync(TempStore.Signature("1", name: null, at: at, verification: Verification.SchoolEmail) with
        {
            EmailAddress = "ana@med.example.edu",
        }, MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", at: at), MilestonePlan.None);
        var named = store.Context.Signatures.FindOne(s => s.FullName != null).Id;

        // As an earlier version wrote it: an ObjectId made when the person signed (its second, process and counter).
        var doc = store.Context.Signatures.FindOne(s => s.FullName == null);
        var claim = store.Context.EmailClaims.FindAll().Single();
        var timed = new ObjectId((int)at.ToUnixTimeSeconds(), 0x00abcdef, 4242, 77).ToString();
        store.Context.Signatures.Delete(doc.Id);
        doc.Id = timed;
        doc.SignedAtTicks = at.UtcTicks;
        doc.WorkspaceId = "424242";
        store.Context.Signatures.Insert(doc);
        claim.SignatureId = timed;
        store.Context.EmailClaims.Update(claim);
        store.Context.Checkpoint();
        store.Context.Dispose();

        using (var reopened = new LiteDbContext(store.Options))
        {
            var signatures = new LiteDbSignatureStore(reopened);
            var moved = (await signatures.FindAsync(TempStore.CampaignId, "discord:1"))!;
            Assert.NotEqual(timed, moved.Id);
            Assert.Equal(new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc), new ObjectId(moved.Id).CreationTime);
            Assert.Equal(moved.Id, reopened.EmailClaims.FindAll().Single().SignatureId);
            Assert.Equal(moved.Id, (await new LiteDbEmailVerificationStore(reopened, signatures).FindByEmailAsync(TempStore.CampaignId, "ana@med.example.edu"))!.Id);
            Assert.Equal(named, (await signatures.FindAsync(TempStore.CampaignId, "discord:2"))!.Id);
            Assert.Equal(2, (await signatures.GetStatsAsync(TempStore.CampaignId, at)).Total);
        }

        var files = System.IO.Directory.GetFiles(store.Directory).Where(f => !f.EndsWith(".key", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal))
            .SelectMany(File.ReadAllBytes).ToArray();
        Assert.False(TempStore.Contains(files, timed), "the old id is still in a store file");
        Assert.False(TempStore.Contains(files, "424242"), "the server id is still in a store file");
        Assert.True(TempStore.Contains(files, named));
    }

    [Fact]
    public async Task Open_SendsCountedUnderTheSignaturesEmailHash_ThoseGoThePersonStillCounted()
    {
        using var store = new TempStore();
        var keys = store.Keys;
        var sentAt = TempStore.T0.AddMinutes(-10);
        // As an earlier version counted a send: the person, and the address under the hash its signature keeps.
        store.Context.EmailSends.Insert(new EmailSendDoc { Subject = keys.EmailSendSubjects("discord:1", "ana@ucsf.edu").Person, AtTicks = sentAt.UtcTicks });
        store.Context.EmailSends.Insert(new EmailSendDoc { Subject = "a:" + keys.HashEmail("ana@ucsf.edu"), AtTicks = sentAt.UtcTicks });
        store.Context.Dispose();

        using var reopened = new LiteDbContext(store.Options);
        Assert.Equal([keys.EmailSendSubjects("discord:1", "ana@ucsf.edu").Person], reopened.EmailSends.FindAll().Select(s => s.Subject));
        var emails = new LiteDbEmailVerificationStore(reopened, new LiteDbSignatureStore(reopened));
        Assert.False(await emails.TryCountSendAsync("discord:1", "other@ucsf.edu", TempStore.T0, maxPerHour: 1));
        Assert.True(await emails.TryCountSendAsync("discord:2", "ana@ucsf.edu", TempStore.T0, maxPerHour: 1));
    }

    private static void WriteLegacyRows(LiteDbContext db, SecretKeys keys)
    {
        db.Audit.Insert(new AuditDoc
        {
            Action = AuditActions.Setup,
            ActionKey = AuditActions.Setup + "|" + Guild.Key,
            Platform = (int)PlatformKind.Discord,
            WorkspaceId = "1",
            ActorHash = keys.Hash("discord:5"),
            Detail = "changed=channel",
            AtTicks = TempStore.T0.UtcTicks,
        });
        db.Drafts.Insert(new DraftDoc
        {
            Id = "d1", Flow = "sign", OwnerHash = keys.Hash("discord:5"), CampaignId = TempStore.CampaignId, Step = "form",
            Payload = keys.Encrypt("{}"), ExpiresAtTicks = TempStore.T0.AddMinutes(15).UtcTicks,
        });
        db.Installations.Insert(new InstallationDoc
        {
            Id = "slack:T1", Platform = (int)PlatformKind.Slack, WorkspaceId = "T1", TokenCipher = keys.Encrypt("xoxb-old"),
            InstalledAtTicks = TempStore.T0.UtcTicks,
        });
        db.Database.GetCollection("store_upgrades").Delete(new BsonValue(PrivacyUpgrade.PerPurposeKeys));
        db.Checkpoint();
    }
}
