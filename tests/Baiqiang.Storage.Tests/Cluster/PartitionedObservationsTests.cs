using System.Text.Json;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Baiqiang.Storage.Tests.Cluster;

/// <summary>
/// PostgreSQL's observations are partitioned by <c>period_year</c>: the keys carry the partition key, every year written
/// gets its own partition (the default partition stays empty), and the product's series and cross-section queries scan
/// only the partitions of the years asked.
/// </summary>
public sealed class PartitionedObservationsTests(PostgresFixture store) : IClassFixture<PostgresFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly IndicatorCode Gdp = new("gdp");

    [Fact]
    public void PostgresModel_ObservationKeys_EndWithPeriodYearAndLeadWithRegion()
    {
        using var db = BaiqiangStore.Open(new StoreOptions(StoreProvider.PostgreSql, "Host=localhost;Database=model_only"));
        var observations = db.Model.FindEntityType(typeof(ObservationEntity))!;

        Assert.Equal(["RegionCode", "Id", "PeriodYear"], observations.FindPrimaryKey()!.Properties.Select(p => p.Name));
        var unique = observations.GetIndexes().Where(i => i.IsUnique).ToList();
        Assert.Equal(2, unique.Count);
        Assert.All(unique, i =>
        {
            Assert.Equal("RegionCode", i.Properties[0].Name);
            Assert.Equal("PeriodYear", i.Properties[^1].Name);
        });
    }

    [Fact]
    public void SqliteModel_Observations_KeepTheIdKey()
    {
        using var db = BaiqiangStore.Open(new StoreOptions(StoreProvider.Sqlite, "Data Source=:memory:"));
        var observations = db.Model.FindEntityType(typeof(ObservationEntity))!;

        Assert.Equal(["Id"], observations.FindPrimaryKey()!.Properties.Select(p => p.Name));
        Assert.DoesNotContain(observations.GetIndexes(), i => i.Properties.Any(p => p.Name == "PeriodYear"));
    }

    [Fact]
    public async Task Queries_YearsAsked_ScanOnlyThoseYearsPartitions()
    {
        await using var db = store.Open();
        // Through both write paths: the bulk COPY (a new indicator, ≥ 5,000 rows) and the revision path (a few rows).
        var bulk = Records.Many(ObservationWriter.BulkThreshold + 500, "t_part_bulk");
        await ObservationWriter.WriteAsync(db, bulk, "test", TimeProvider.System, Ct);
        List<ObservationRecord> few = [.. Enumerable.Range(2019, 6).Select(y => Records.Gdp(510502, StatPeriod.ForYear(y), 1000m + y))];
        few.Add(Records.Gdp(510503, StatPeriod.ForQuarter(2022, 1), 300m));
        few.Add(Records.Gdp(510504, StatPeriod.ForQuarter(2022, 1), 200m));
        await ObservationWriter.WriteAsync(db, few, "test", TimeProvider.System, Ct);

        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM observations_default"));
        Assert.Equal((long)bulk.Count, await ScalarAsync<long>("SELECT count(*) FROM observations WHERE indicator_code = 't_part_bulk'"));
        Assert.Contains("observations_y2000", await PartitionsAsync());
        Assert.Contains("observations_y2024", await PartitionsAsync());

        var series = await ObservationQueries.SeriesAsync(db, new RegionCode(510502), Gdp, 2021, 2023, Ct);
        Assert.Equal(["2021", "2022", "2023"], series.Select(o => o.Period.ToString()));
        Assert.Equal(["observations_y2021", "observations_y2022", "observations_y2023"],
            await ScannedAsync(db, ObservationQueries.SeriesQuery(db, new RegionCode(510502), Gdp, 2021, 2023)));

        var period = StatPeriod.ForQuarter(2022, 1);
        RegionCode[] peers = [new(510503), new(510504), new(510505)];
        Assert.Equal([300m, 200m], (await ObservationQueries.CrossSectionAsync(db, Gdp, period, peers, Ct)).Select(o => o.Value));
        Assert.Equal(["observations_y2022"], await ScannedAsync(db, ObservationQueries.CrossSectionQuery(db, Gdp, period, peers)));
    }

    [Fact]
    public async Task Writers_YearWithoutPartition_CreateItAndMoveRowsOutOfTheDefault()
    {
        await using var db = store.Open();
        // A raw writer that knows nothing of partitions lands in the default partition and does not fail.
        await using (var raw = db.Database.GetDbConnection().CreateCommand())
        {
            await db.Database.OpenConnectionAsync(Ct);
            raw.CommandText = """
                INSERT INTO observations (region_code, indicator_code, period, period_year, period_first_month, period_last_month, value, unit,
                  qualifier, source_kind, source_reference, revision, is_current, recorded_at, recorded_by)
                VALUES (510502, 'gdp', '2061', 2061, 1, 12, 5, '亿元', 0, 0, 'raw', 1, true, now(), 'raw')
                """;
            await raw.ExecuteNonQueryAsync(Ct);
            await db.Database.CloseConnectionAsync();
        }

        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM observations_default WHERE period_year = 2061"));

        // The product's writer then stores a correction of that year: the year gets its partition, the raw row moves there.
        var summary = await ObservationWriter.WriteAsync(db, [Records.Gdp(510502, StatPeriod.ForYear(2061), 6m)], "test", TimeProvider.System, Ct);

        Assert.Equal(new WriteSummary(0, 1, 0), summary);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM observations_default WHERE period_year = 2061"));
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM observations_y2061"));
        Assert.Equal([1, 2], (await ObservationQueries.HistoryAsync(db, new RegionCode(510502), Gdp, StatPeriod.ForYear(2061), Ct)).Select(o => o.Revision));
    }

    /// <summary>
    /// A region's whole series names no year, so it cannot be pruned at plan time: every year partition is planned. Issue 22:
    /// sent unprepared it was planned again on every request (0.55 of 1.02 ms). The store's contexts prepare it
    /// automatically after a few executions on a connection, and PostgreSQL then reuses one generic plan for every region.
    /// </summary>
    [Fact]
    public async Task SeriesQuery_RepeatedOnOneConnection_IsPreparedAndReusesOneGenericPlan()
    {
        await using var db = store.Open();
        int[] regions = [510611, 510612, 510613, 510614, 510615, 510616, 510617, 510618];
        await ObservationWriter.WriteAsync(db, [.. regions.SelectMany(r => Enumerable.Range(2016, 4).Select(y => Records.Gdp(r, StatPeriod.ForYear(y), r - 510000 + y)))],
            "test", TimeProvider.System, Ct);

        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            // Three rounds over eight regions: Npgsql prepares the statement after its fifth use; PostgreSQL tries custom
            // plans for the first five executions of the prepared statement, then settles on the generic one.
            for (var round = 0; round < 3; round++)
            {
                foreach (var r in regions)
                {
                    var series = await ObservationQueries.SeriesAsync(db, new RegionCode(r), Gdp, Ct);
                    Assert.Equal(["2016", "2017", "2018", "2019"], series.Select(o => o.Period.ToString()));
                    Assert.Equal([r - 510000 + 2016m, r - 510000 + 2017m, r - 510000 + 2018m, r - 510000 + 2019m], series.Select(o => o.Value));
                }
            }

            // Npgsql sends the statement with positional parameters ($1, $2): find it by its shape.
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """
                SELECT generic_plans, custom_plans, statement FROM pg_prepared_statements
                WHERE statement LIKE '%FROM observations AS o%WHERE o.region_code = $1 AND o.indicator_code = $2 AND o.is_current%ORDER BY o.period_year%'
                """;
            await using var reader = await command.ExecuteReaderAsync(Ct);
            Assert.True(await reader.ReadAsync(Ct), "the series statement is not among this connection's prepared statements");
            var (generic, custom) = (reader.GetInt64(0), reader.GetInt64(1));
            Assert.True(generic >= 10, $"generic plans {generic}, custom plans {custom}: PostgreSQL did not settle on one plan for {reader.GetString(2)}");
            Assert.True(custom <= 5, $"custom plans {custom}");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The partitions PostgreSQL's plan for the query reads (EXPLAIN of the command EF sends, with its parameters).</summary>
    private static async Task<List<string>> ScannedAsync(BaiqiangDbContext db, IQueryable<ObservationEntity> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN (FORMAT JSON) " + command.CommandText;
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            var plan = (string)(await command.ExecuteScalarAsync(Ct))!;
            var scanned = new SortedSet<string>(StringComparer.Ordinal);
            Collect(JsonDocument.Parse(plan).RootElement, scanned);
            return [.. scanned];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Collect(JsonElement e, SortedSet<string> into)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.NameEquals("Relation Name"))
                {
                    into.Add(p.Value.GetString()!);
                }

                Collect(p.Value, into);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Collect(item, into);
            }
        }
    }

    private async Task<List<string>> PartitionsAsync()
    {
        await using var connection = new NpgsqlConnection(store.Options!.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'observations'::regclass", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var list = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await store.Open().DisposeAsync(); // skips without BAIQIANG_TEST_PG
        await using var connection = new NpgsqlConnection(store.Options!.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
