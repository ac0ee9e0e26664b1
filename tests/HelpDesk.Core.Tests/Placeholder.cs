namespace HelpDesk.Core.Tests;
