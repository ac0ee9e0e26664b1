namespace HelpDesk.Domain.Tests;
