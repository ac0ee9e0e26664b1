namespace HelpDesk.Sdk.Testing.Tests.SamplePlugin;

public sealed record SampleOptions(string Secret);
