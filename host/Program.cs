using Kinerja.Host.Data;
using Kinerja.Host.GraphQL;
using Kinerja.Host.Modules;

var builder = WebApplication.CreateBuilder(args);
builder.AddKinerjaModules();
builder.AddKinerjaDatabase();
builder.AddGraphQLGateway();

var app = builder.Build();
await app.InitializeModulesAsync();
app.MapHomePage();
app.MapGraphQLGateway();
await app.RunAsync();

public partial class Program;
