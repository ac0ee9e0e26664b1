namespace HelpDesk.Core.Hosting;

/// <summary>Ports of the embedded silo; change them to run two hubs on one machine.</summary>
public sealed class OrleansEndpointOptions
{
    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;
}
