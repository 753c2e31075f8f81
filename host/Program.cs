using Kinerja.Host.Data;
using Kinerja.Host.GraphQL;
using Kinerja.Host.Modules;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddKinerjaModules();
}
catch (ModuleConfigurationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}
builder.AddKinerjaDatabase();
builder.AddGraphQLGateway();

var app = builder.Build();
await app.InitializeModulesAsync();
app.MapHomePage();
app.MapGraphQLGateway();
await app.RunAsync();
return 0;

public partial class Program;
