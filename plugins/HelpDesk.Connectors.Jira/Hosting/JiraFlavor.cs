namespace HelpDesk.Connectors.Jira.Hosting;

/// <summary>Which Jira the plugin talks to: the two differ in API version, text format and authentication.</summary>
public enum JiraFlavor
{
    /// <summary>Jira Cloud: REST v3, descriptions and comments in Atlassian Document Format, email + API token.</summary>
    Cloud,

    /// <summary>Jira Server / Data Center: REST v2, wiki markup, a personal access token.</summary>
    DataCenter,
}
