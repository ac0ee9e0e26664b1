using HelpDesk.Core.Security;

namespace HelpDesk.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task An_api_key_is_found_by_its_secret_and_listed_until_revoked()
    {
        var keys = new ApiKeyStore(Database, Clock);
        var (other, _) = await keys.CreateAsync("Monitoring", ApiKeyScope.Integration, "Ops@Example.com", null, CancellationToken.None);

        var (key, secret) = await keys.CreateAsync("Ada's key", ApiKeyScope.Agent, null, null, CancellationToken.None);

        Assert.StartsWith(ApiKeySecret.Prefix, secret);
        Assert.Equal(key, await keys.FindBySecretAsync(secret, CancellationToken.None));
        Assert.Equal([other, key], await keys.ListAsync(CancellationToken.None));
        Assert.Equal("ops@example.com", other.CustomerEmail);

        Assert.True(await keys.RevokeAsync(key.Id, CancellationToken.None));

        Assert.Null(await keys.FindBySecretAsync(secret, CancellationToken.None));
        Assert.Equal([other], await keys.ListAsync(CancellationToken.None));
        Assert.False(await keys.RevokeAsync(key.Id, CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_secret_finds_no_key()
    {
        var keys = new ApiKeyStore(Database, Clock);
        var (_, secret) = await keys.CreateAsync("Ada's key", ApiKeyScope.Agent, null, null, CancellationToken.None);

        Assert.Null(await keys.FindBySecretAsync(secret + "x", CancellationToken.None));
        Assert.Null(await keys.FindBySecretAsync(secret[..^1], CancellationToken.None));
    }

    [Fact]
    public async Task A_key_given_its_secret_at_creation_is_found_by_that_secret()
    {
        var keys = new ApiKeyStore(Database, Clock);
        Assert.False(await keys.AnyAsync(CancellationToken.None));

        var (key, secret) = await keys.CreateAsync("Bootstrap admin", ApiKeyScope.Admin, null, "hd_bootstrap_0123456789abcdef", CancellationToken.None);

        Assert.Equal("hd_bootstrap_0123456789abcdef", secret);
        Assert.Equal(key, await keys.FindBySecretAsync(secret, CancellationToken.None));
        Assert.True(await keys.AnyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_api_keys_table_holds_the_hash_of_a_secret_never_the_secret()
    {
        var keys = new ApiKeyStore(Database, Clock);
        var (_, secret) = await keys.CreateAsync("Ada's key", ApiKeyScope.Agent, null, null, CancellationToken.None);

        var stored = await AllValuesAsync("api_keys");

        Assert.DoesNotContain(stored, value => value.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(stored, value => value.Contains(secret[ApiKeySecret.Prefix.Length..], StringComparison.Ordinal));
        Assert.Contains(ApiKeySecret.Hash(secret), stored);
    }
}
