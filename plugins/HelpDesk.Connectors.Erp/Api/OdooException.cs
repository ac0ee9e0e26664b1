namespace HelpDesk.Connectors.Erp.Api;

/// <summary>A call to Odoo failed; the message says which call and what to do, and is safe to show an admin (never the API key).</summary>
internal sealed class OdooException(OdooFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public OdooFailure Failure { get; } = failure;
}
