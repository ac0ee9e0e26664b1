using System.Runtime.CompilerServices;
using System.Text;

namespace HelpDesk.Server.Tests;

/// <summary>The tests write mail in legacy charsets: MimeKit needs the code pages before it first builds its charset table.</summary>
internal static class CodePages
{
    [ModuleInitializer]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
