using Baiqiang.Web.Admin;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Cluster;
using Baiqiang.Web.Dashboard;
using Baiqiang.Web.Documents;
using Baiqiang.Web.Explorer;
using Baiqiang.Web.Imports;
using Baiqiang.Web.Indicators;
using Baiqiang.Web.Notifications;
using Baiqiang.Web.PeerGroups;
using Baiqiang.Web.Pipeline;
using Baiqiang.Web.Projects;
using Baiqiang.Web.Rankings;
using Baiqiang.Web.Services;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Targets;
using Baiqiang.Web.Zones;

var builder = WebApplication.CreateBuilder(args);

builder.AddBaiqiangStore();
builder.AddBaiqiangCluster();
builder.AddBaiqiangAuth();
builder.AddBaiqiangWeb();
builder.AddBaiqiangApi();
builder.Services.AddBaiqiangAdmin();
builder.AddBaiqiangReminders();

var app = builder.Build();

app.UseBaiqiangNodeHeader();
app.UseBaiqiangPipeline();

app.MapBaiqiangPages();
app.MapBaiqiangHealth();
app.MapBaiqiangApiReference();
app.MapHelloApi();
app.MapReferenceApi();
app.MapDashboardApi();
app.MapObservationsApi();
app.MapImportsApi();
app.MapTokensApi();
app.MapAdminApi();
app.MapPipelineApi();
app.MapServicesApi();
app.MapProjectsApi();
app.MapSupervisionApi();
app.MapAttachmentsApi();
app.MapNotificationsApi();
app.MapDocumentsApi();
app.MapRankingsApi();
app.MapPeerGroupsApi();
app.MapTargetsApi();
app.MapIndicatorsApi();
app.MapZonesApi();

await app.InitializeStoreAsync();
await app.RunAsync();

/// <summary>The web app's entry point (public so tests can host it with WebApplicationFactory).</summary>
public partial class Program;
