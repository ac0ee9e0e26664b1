using HelpDesk.Connectors.GitHub.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Octokit;
using Octokit.Internal;

namespace HelpDesk.Connectors.GitHub.Api;

/// <summary>
/// The Octokit client the plugin uses, over an HTTP pipeline with GitHub's retry rules (<see cref="GitHubRetries"/>).
/// Octokit adds <c>api/v3/</c> to an Enterprise Server address by itself. Disposed with the plugin's version.
/// </summary>
internal sealed class GitHubTracker : IDisposable
{
    private readonly HttpClientAdapter _http;

    public GitHubTracker(GitHubOptions options, TimeProvider clock)
    {
        var pipeline = GitHubRetries.Pipeline(options, clock);
        _http = new HttpClientAdapter(() => new ResilienceHandler(pipeline) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } });
        var connection = new Connection(
            new ProductHeaderValue("HelpDesk-GitHub", "0.1"), options.BaseUrl, new InMemoryCredentialStore(new Credentials(options.Token, AuthenticationType.Bearer)), _http, new SimpleJsonSerializer());
        Client = new GitHubClient(connection);
    }

    public IGitHubClient Client { get; }

    public void Dispose() => _http.Dispose();
}
