using System.Text;
using HelpDesk.Sdk.Webhooks;
using HelpDesk.TestSupport;

namespace HelpDesk.Sdk.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string GitHubSecret = "github-webhook-test-secret";
    private const string GrafanaSecret = "grafana-test-secret";
    private static readonly DateTimeOffset GrafanaTimestamp = DateTimeOffset.FromUnixTimeSeconds(1795342031);

    [Fact]
    public void GitHubs_published_test_vector_verifies()
    {
        var body = Encoding.UTF8.GetBytes("Hello, World!");

        Assert.Equal("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", WebhookSignature.Compute(SignatureAlgorithm.HmacSha256, "It's a Secret to Everybody", body));
        Assert.Equal(
            SignatureCheck.Valid,
            WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, "It's a Secret to Everybody", body, "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "sha256="));
    }

    [Theory]
    [InlineData("webhook-issues-closed.json", "sha256=573c8954f025de7d05a5cfa1f73337adf611031d7aeaaf25b0b54c11d03b4e6d", "sha1=442f68332af50cfe59361b3c6515d9732e055bbf")]
    [InlineData("webhook-issues-labeled.json", "sha256=55656630ec62031f57d85759409b24946756aafee96ea6d684e9a5c9178f128f", "sha1=59052c9e732ab4ce4d5faf4d63de9a5a84bc682d")]
    public void GitHub_fixture_deliveries_verify_with_both_headers(string file, string sha256, string sha1)
    {
        var body = ContractFixtures.Bytes("github", file);

        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, GitHubSecret, body, sha256, "sha256="));
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(SignatureAlgorithm.HmacSha1, GitHubSecret, body, sha1, "sha1="));
    }

    [Fact]
    public void A_changed_body_or_another_secret_is_a_mismatch()
    {
        var body = ContractFixtures.Bytes("github", "webhook-issues-closed.json");
        const string header = "sha256=573c8954f025de7d05a5cfa1f73337adf611031d7aeaaf25b0b54c11d03b4e6d";

        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, GitHubSecret, [.. body, (byte)'\n'], header, "sha256="));
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, "another-secret", body, header, "sha256="));
    }

    [Theory]
    [InlineData(null, SignatureCheck.Missing)]
    [InlineData("", SignatureCheck.Missing)]
    [InlineData("573c8954f025de7d05a5cfa1f73337adf611031d7aeaaf25b0b54c11d03b4e6d", SignatureCheck.Malformed)]
    [InlineData("sha256=573c", SignatureCheck.Malformed)]
    [InlineData("sha256=zz3c8954f025de7d05a5cfa1f73337adf611031d7aeaaf25b0b54c11d03b4e6d", SignatureCheck.Malformed)]
    [InlineData("SHA256=573C8954F025DE7D05A5CFA1F73337ADF611031D7AEAAF25B0B54C11D03B4E6D", SignatureCheck.Valid)]
    public void Headers_are_classified_so_a_receiver_can_say_what_is_wrong(string? header, SignatureCheck expected)
    {
        var body = ContractFixtures.Bytes("github", "webhook-issues-closed.json");

        Assert.Equal(expected, WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, GitHubSecret, body, header, "sha256="));
    }

    [Theory]
    [InlineData("webhook-firing.json", "5d147f5c864758bc6052cefa756a9cfc4cabdc38ba93838d713cff7f6ce38cae")]
    [InlineData("webhook-resolved.json", "d5d969c4b53f8addf3a6082314512e70bbfc883693fb7dd0324fefda3588493a")]
    public void Grafana_bare_hex_signatures_verify(string file, string header)
    {
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, GrafanaSecret, ContractFixtures.Bytes("grafana", file), header));
    }

    [Theory]
    [InlineData(0, SignatureCheck.Valid)]
    [InlineData(290, SignatureCheck.Valid)]
    [InlineData(-290, SignatureCheck.Valid)]
    [InlineData(301, SignatureCheck.Expired)]
    [InlineData(-3600, SignatureCheck.Expired)]
    public void Grafana_timestamped_signatures_verify_within_the_tolerance(int secondsLate, SignatureCheck expected)
    {
        var body = ContractFixtures.Bytes("grafana", "webhook-firing.json");

        var check = WebhookSignature.VerifyTimestamped(
            SignatureAlgorithm.HmacSha256, GrafanaSecret, body, "939d92b34ad8f4d900b30b34b7f17a5326baa95feb3c0cbcbde30d862062b3f2",
            "1795342031", GrafanaTimestamp.AddSeconds(secondsLate), TimeSpan.FromMinutes(5));

        Assert.Equal(expected, check);
    }

    [Fact]
    public void A_timestamp_cannot_be_swapped_without_breaking_the_signature()
    {
        var body = ContractFixtures.Bytes("grafana", "webhook-firing.json");

        var check = WebhookSignature.VerifyTimestamped(
            SignatureAlgorithm.HmacSha256, GrafanaSecret, body, "939d92b34ad8f4d900b30b34b7f17a5326baa95feb3c0cbcbde30d862062b3f2",
            "1795342999", GrafanaTimestamp.AddSeconds(968), TimeSpan.FromMinutes(5));

        Assert.Equal(SignatureCheck.Mismatch, check);
        Assert.Equal(SignatureCheck.Malformed, WebhookSignature.VerifyTimestamped(SignatureAlgorithm.HmacSha256, GrafanaSecret, body, "00", "yesterday", GrafanaTimestamp, TimeSpan.FromMinutes(5)));
        Assert.Equal(SignatureCheck.Missing, WebhookSignature.VerifyTimestamped(SignatureAlgorithm.HmacSha256, GrafanaSecret, body, "00", null, GrafanaTimestamp, TimeSpan.FromMinutes(5)));
    }
}
