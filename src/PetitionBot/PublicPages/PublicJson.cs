using System.Globalization;
using System.Text.Json;
using PetitionBot.Core.Reports;

namespace PetitionBot.PublicPages;

/// <summary>The page's open data, in the spirit of the UK Parliament petitions' JSON: totals, goal, schools and stages
/// with at least 5 signers, the recipients' responses, and when it was computed.</summary>
public static class PublicJson
{
    public static byte[] Render(PublicProgress p)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("campaign", p.CampaignId);
            json.WriteString("title", p.Title);
            json.WriteString("summary", p.Summary);
            json.WriteString("public_petition_url", p.ExternalUrl);
            json.WriteStartArray("recipients");
            foreach (var r in p.Recipients)
            {
                json.WriteStringValue(r);
            }

            json.WriteEndArray();
            json.WriteNumber("total", p.Total);
            json.WriteNumber("goal", p.Goal);
            json.WriteNumber("percent_of_goal", p.Percent);
            json.WriteBoolean("closed", p.Closed);
            json.WriteNumber("minimum_group_size", Core.Flows.PublicNumbers.MinGroupSize);
            Counts(json, "by_school", "school", p.Schools);
            Counts(json, "by_stage", "stage", p.Stages);
            json.WriteStartArray("responses");
            foreach (var r in p.Responses)
            {
                json.WriteStartObject();
                json.WriteString("recipient", r.Recipient);
                json.WriteString("date", r.RespondedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("text", r.Text);
                json.WriteString("link", r.Link);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("updated_at", p.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Counts(Utf8JsonWriter json, string name, string key, IReadOnlyList<Core.Storage.CountBy> counts)
    {
        json.WriteStartArray(name);
        foreach (var c in counts)
        {
            json.WriteStartObject();
            json.WriteString(key, c.Label);
            json.WriteNumber("signatures", c.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
