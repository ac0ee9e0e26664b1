using HelpDesk.Sdk.Capabilities;
using HelpDesk.TestSupport;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.Zoom.Tests;

/// <summary>The contract's webhook fixtures with the timestamps and signatures of <c>fixtures/zoom/signatures.md</c>.</summary>
internal static class ZoomWebhooks
{
    public const string MeetingId = "85746065432";
    public const string Uuid = "qV3nR8kTQy2mXb0Lc4pW9g==";

    public static readonly Delivery UrlValidation = new("webhook-url-validation.json", 1_795_344_000, "v0=f8ee62ec508e6058b3d934bac996504bae6a379b4cb887a66be4131c1b292274");
    public static readonly Delivery Started = new("webhook-meeting-started.json", 1_795_615_272, "v0=c5711314af75f56df1fbf03b5f92dea5d5d9bfa3a1e977431339c50eff8122ea");
    public static readonly Delivery Ended = new("webhook-meeting-ended.json", 1_795_617_785, "v0=bce538d09aab9cca431889d68fcfc01df2eb92e2c0d29f2868f0be38557ec6a5");
    public static readonly Delivery RecordingCompleted = new("webhook-recording-completed.json", 1_795_618_621, "v0=9faff51a6a25ff7886142fd8b035b9d6715834610c8aa685cfc63933aa1bc5f4");

    /// <summary>A clock 30 s after the delivery's timestamp, well within Zoom's 300 s.</summary>
    public static DateTimeOffset Near(Delivery delivery) => DateTimeOffset.FromUnixTimeSeconds(delivery.Timestamp + 30);

    /// <summary>The delivery as Zoom sends it, its headers from <see cref="ZoomWebhookSigner"/>; then changed by <paramref name="tamper"/>.</summary>
    public static WebhookRequest Request(Delivery delivery, Action<Dictionary<string, string>>? tamper = null) =>
        Request(delivery.Body, delivery.Timestamp, tamper);

    public static WebhookRequest Request(byte[] body, long timestamp, Action<Dictionary<string, string>>? tamper = null, string secret = ZoomHarness.WebhookSecret)
    {
        var headers = ZoomWebhookSigner.Sign(secret, timestamp, body);
        tamper?.Invoke(headers);
        var values = headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[h.Value], StringComparer.OrdinalIgnoreCase);
        return new WebhookRequest("POST", "/", new Dictionary<string, IReadOnlyList<string>>(), values, body, DateTimeOffset.FromUnixTimeSeconds(timestamp));
    }

    /// <summary>A fixture file, the timestamp it was signed with, and the signature <c>signatures.md</c> lists.</summary>
    internal sealed record Delivery(string File, long Timestamp, string Signature)
    {
        public byte[] Body => ContractFixtures.Bytes("zoom", File);
    }
}
