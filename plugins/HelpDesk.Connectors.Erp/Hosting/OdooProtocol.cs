namespace HelpDesk.Connectors.Erp.Hosting;

/// <summary>Which of Odoo's external APIs the plugin speaks.</summary>
public enum OdooProtocol
{
    /// <summary><c>POST /jsonrpc</c> with a login and the API key in every call: every Odoo since 8, deprecated from 19.</summary>
    JsonRpc,

    /// <summary><c>POST /json/2/&lt;model&gt;/&lt;method&gt;</c> with the API key as a bearer token: Odoo 19 and later.</summary>
    Json2,
}
