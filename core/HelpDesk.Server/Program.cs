using HelpDesk.Server.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddHelpDeskServer();

var app = builder.Build();
app.UseHelpDeskServer();
app.MapHelpDeskApis();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
