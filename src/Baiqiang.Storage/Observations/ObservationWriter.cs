using System.Data;
using System.Globalization;
using System.Text;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace Baiqiang.Storage.Observations;

/// <summary>What a write did: new facts, corrected facts (a new revision), and facts already stored as given.</summary>
public sealed record WriteSummary(int Inserted, int Revised, int Unchanged);

/// <summary>Stores validated observations, keeping every earlier revision.</summary>
public static class ObservationWriter
{
    /// <summary>Batches at least this large, into indicators with no stored rows, take the bulk path.</summary>
    internal const int BulkThreshold = 5_000;

    /// <summary>Bulk loads at least this large into an empty table drop and rebuild the secondary indexes (and PostgreSQL's primary key).</summary>
    internal const int RebuildIndexesThreshold = 50_000;

    private const int Chunk = 2_000;

    private const string Columns =
        "region_code, indicator_code, period, period_year, period_first_month, period_last_month, value, unit, growth_percent, qualifier, " +
        "source_kind, source_reference, source_row, source_column, growth_basis, current_price_growth_percent, revision, is_current, recorded_at, recorded_by, superseded_at";

    /// <summary>
    /// Writes <paramref name="records"/> in one transaction: a fact not yet stored becomes revision 1; a fact stored with
    /// the same value, growth and qualifier is unchanged; a fact stored differently gets a new current revision and the
    /// old one is kept with <see cref="ObservationEntity.SupersededAt"/> set. All or nothing: any exception rolls back.
    /// </summary>
    /// <remarks>When one (region, indicator, period) occurs more than once in the batch, the last occurrence wins and
    /// the earlier ones count as unchanged. Large batches into indicators with nothing stored yet use a bulk path
    /// (prepared INSERT on SQLite, binary COPY on PostgreSQL) with one summary audit row.</remarks>
    public static Task<WriteSummary> WriteAsync(
        BaiqiangDbContext db, IReadOnlyList<ObservationRecord> records, string user, TimeProvider clock, CancellationToken ct)
        => WriteCheckedAsync(db, records, user, clock, null, ct);

    /// <summary><see cref="WriteAsync(BaiqiangDbContext, IReadOnlyList{ObservationRecord}, string, TimeProvider, CancellationToken)"/>,
    /// first judging the records against their regions' last figures (<see cref="LastFigureCheck"/>, with
    /// <paramref name="checks"/>' multiple and override reason) inside the write transaction, under the write lock.</summary>
    /// <exception cref="ImplausibleFiguresException">Figures stray too far and no override reason was given; nothing is stored.</exception>
    public static async Task<WriteSummary> WriteCheckedAsync(
        BaiqiangDbContext db, IReadOnlyList<ObservationRecord> records, string user, TimeProvider clock, ImportOptions? checks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(clock);
        if (records.Count == 0)
        {
            return new WriteSummary(0, 0, 0);
        }

        var now = clock.GetUtcNow();
        var (unique, duplicates) = LastPerKey(records);
        var bulkSession = unique.Count >= BulkThreshold;

        var previousUser = db.CurrentUser;
        var previousClock = db.Clock;
        var previousDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.CurrentUser = user;
        db.Clock = clock;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var ownTransaction = db.Database.CurrentTransaction is null;
        // SQLite cannot change synchronous inside the caller's transaction: the session setting is only for our own.
        var syncOff = bulkSession && ownTransaction;
        try
        {
            if (syncOff)
            {
                await BeginBulkSessionAsync(db, ct);
            }

            IDbContextTransaction? tx = await BeginOrEnterAsync(db, ownTransaction, ct);
            try
            {
                if (checks is not null)
                {
                    await LastFigureCheck.EnforceAsync(db, unique, checks.PlausibleMultiple, checks.ForceReason, user, now, ct);
                }

                // PostgreSQL: every year written gets its partition first (Cluster/ObservationPartitions).
                var partitioned = await Cluster.ObservationPartitions.ActiveAsync(db, ct);
                if (partitioned)
                {
                    await Cluster.ObservationPartitions.EnsureAsync(db, unique.Select(r => r.Period.Year), ct);
                }

                // Decided under the store's write lock: another import cannot fill these indicators in between.
                var bulk = bulkSession && await NothingStoredForAsync(db, unique, ct);

                // Into a completely empty table it is faster to build the indexes once, after the load.
                var rebuildIndexes = bulk && unique.Count >= RebuildIndexesThreshold && !await db.Observations.AnyAsync(ct);
                WriteSummary summary;
                if (bulk)
                {
                    await BeginBulkTransactionAsync(db, tx is not null, ct);
                    var indexes = rebuildIndexes ? await DropIndexesAsync(db, ct) : [];
                    int n;
                    using (var rows = OpenBulk(db, now, user, partitioned))
                    {
                        foreach (var r in unique)
                        {
                            rows.Write(r);
                        }

                        n = rows.Complete();
                    }

                    await RecreateIndexesAsync(db, indexes, ct);
                    db.AuditEntries.Add(BulkAudit(n, unique[0], now, user));
                    await db.SaveChangesAsync(ct);
                    summary = new WriteSummary(n, 0, duplicates);
                }
                else
                {
                    summary = await GeneralAsync(db, unique, now, user, ct);
                    summary = summary with { Unchanged = summary.Unchanged + duplicates };
                }

                if (tx is not null)
                {
                    await tx.CommitAsync(ct);
                }

                return summary;
            }
            catch
            {
                if (tx is not null)
                {
                    await tx.RollbackAsync(CancellationToken.None);
                }

                db.ChangeTracker.Clear();
                throw;
            }
            finally
            {
                if (tx is not null)
                {
                    await tx.DisposeAsync();
                }
            }
        }
        finally
        {
            db.CurrentUser = previousUser;
            db.Clock = previousClock;
            db.ChangeTracker.AutoDetectChangesEnabled = previousDetect;
            if (syncOff)
            {
                await EndBulkSessionAsync(db);
            }
        }
    }

    /// <summary>A new write transaction holding the store's write lock, or null after taking the lock inside the caller's.</summary>
    private static async Task<IDbContextTransaction?> BeginOrEnterAsync(BaiqiangDbContext db, bool ownTransaction, CancellationToken ct)
    {
        if (ownTransaction)
        {
            return await StoreWriteLock.BeginAsync(db, ct);
        }

        await StoreWriteLock.EnterAsync(db, ct);
        return null;
    }

    /// <summary>
    /// Stores the records a reader is still producing, in one transaction: <paramref name="head"/> (already received),
    /// then every chunk of <paramref name="stream"/> as it arrives. Records of indicators with nothing stored go straight
    /// into the bulk load (prepared INSERT / binary COPY) while the file is read; records of indicators that already hold
    /// facts are kept and go through the revision path after the load. All or nothing: when <paramref name="reading"/>
    /// ends with errors (the stream turns <see cref="RecordStream.Failed"/> at the first one, so writing stops early)
    /// or anything throws, the transaction is rolled back; null is returned for a failed read.
    /// </summary>
    /// <remarks>The records must be unique per (region, indicator, period), as <see cref="ObservationFileReader"/>
    /// yields them. Into an empty table the indexes are dropped and rebuilt once, after the load. Inside a
    /// transaction the caller owns, a null result leaves the rollback to the caller.</remarks>
    internal static async Task<WriteSummary?> WriteStreamAsync(
        BaiqiangDbContext db, List<ObservationRecord> head, RecordStream stream, Task<ImportResult> reading, string user, TimeProvider clock, ImportOptions? checks, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var previousUser = db.CurrentUser;
        var previousClock = db.Clock;
        var previousDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.CurrentUser = user;
        db.Clock = clock;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var ownTransaction = db.Database.CurrentTransaction is null;
        try
        {
            await BeginBulkSessionAsync(db, ct);
            IDbContextTransaction? tx = await BeginOrEnterAsync(db, ownTransaction, ct);
            var committed = false;
            try
            {
                // Decided under the store's write lock: another import cannot store these indicators in between.
                var stored = await IndicatorsWithFactsAsync(db, ct);
                var partitioned = await Cluster.ObservationPartitions.ActiveAsync(db, ct);
                var empty = stored.Count == 0 && !await db.Observations.AnyAsync(ct);
                await BeginBulkTransactionAsync(db, tx is not null, ct);
                var indexes = empty ? await DropIndexesAsync(db, ct) : [];
                var revisable = new List<ObservationRecord>();
                var n = 0;
                ObservationRecord? first = null;
                IBulkRows? rows = null;
                try
                {
                    void Route(ObservationRecord r)
                    {
                        if (stored.Contains(r.Indicator))
                        {
                            revisable.Add(r);
                            return;
                        }

                        first ??= r;
                        rows ??= OpenBulk(db, now, user, partitioned);
                        rows.Write(r);
                    }

                    foreach (var r in head)
                    {
                        Route(r);
                    }

                    while (await stream.Reader.WaitToReadAsync(ct))
                    {
                        while (stream.Reader.TryRead(out var chunk))
                        {
                            // After the first error the chunks are only drained, so the reader never waits on a full channel.
                            if (stream.Failed)
                            {
                                continue;
                            }

                            foreach (var r in chunk)
                            {
                                Route(r);
                            }
                        }
                    }

                    if (!(await reading).Success)
                    {
                        return null;
                    }

                    n = rows?.Complete() ?? 0;
                }
                finally
                {
                    rows?.Dispose();
                }

                await RecreateIndexesAsync(db, indexes, ct);
                var summary = new WriteSummary(n, 0, 0);
                if (n > 0)
                {
                    db.AuditEntries.Add(BulkAudit(n, first!, now, user));
                    await db.SaveChangesAsync(ct);
                }

                if (revisable.Count > 0)
                {
                    // Only these can have a last figure: the bulk-loaded indicators had nothing stored.
                    if (checks is not null)
                    {
                        await LastFigureCheck.EnforceAsync(db, revisable, checks.PlausibleMultiple, checks.ForceReason, user, now, ct);
                    }

                    if (partitioned)
                    {
                        await Cluster.ObservationPartitions.EnsureAsync(db, revisable.Select(r => r.Period.Year), ct);
                    }
                    var general = await GeneralAsync(db, revisable, now, user, ct);
                    summary = new WriteSummary(n + general.Inserted, general.Revised, general.Unchanged);
                }

                if (tx is not null)
                {
                    await tx.CommitAsync(ct);
                }

                committed = true;
                return summary;
            }
            finally
            {
                if (tx is not null)
                {
                    if (!committed)
                    {
                        await tx.RollbackAsync(CancellationToken.None);
                        db.ChangeTracker.Clear();
                    }

                    await tx.DisposeAsync();
                }
            }
        }
        finally
        {
            db.CurrentUser = previousUser;
            db.Clock = previousClock;
            db.ChangeTracker.AutoDetectChangesEnabled = previousDetect;
            await EndBulkSessionAsync(db);
        }
    }

    private static AuditEntry BulkAudit(int n, ObservationRecord first, DateTimeOffset now, string user) => new()
    {
        At = now,
        User = user,
        Entity = "observation",
        Key = "*",
        Field = "bulk_insert",
        NewValue = string.Create(CultureInfo.InvariantCulture, $"{n} rows, revision 1, from {first.Source.Reference}"),
    };

    /// <summary>Indicators holding at least one fact, whether or not the catalogue lists them: a loose scan of the
    /// partial cross-section index (every stored fact has exactly one current revision), one index probe per indicator,
    /// however many rows are stored.</summary>
    private static async Task<HashSet<IndicatorCode>> IndicatorsWithFactsAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        const string Sqlite = """
            WITH RECURSIVE codes(code) AS (
              SELECT MIN(indicator_code) FROM observations WHERE is_current = 1
              UNION ALL
              SELECT (SELECT MIN(indicator_code) FROM observations WHERE is_current = 1 AND indicator_code > codes.code) FROM codes WHERE codes.code IS NOT NULL)
            SELECT code AS "Value" FROM codes WHERE code IS NOT NULL
            """;
        const string Postgres = """
            WITH RECURSIVE codes(code) AS (
              SELECT MIN(indicator_code) FROM observations WHERE is_current
              UNION ALL
              SELECT (SELECT MIN(indicator_code) FROM observations WHERE is_current AND indicator_code > codes.code) FROM codes WHERE codes.code IS NOT NULL)
            SELECT code AS "Value" FROM codes WHERE code IS NOT NULL
            """;
        var codes = await db.Database.SqlQueryRaw<string>(db.Provider == StoreProvider.Sqlite ? Sqlite : Postgres).ToListAsync(ct);
        return [.. codes.Select(c => new IndicatorCode(c))];
    }

    /// <summary>Connection settings for a bulk load. SQLite: the connection is held open with synchronous=OFF (the
    /// load is one transaction; a crash loses it whole, never half of it). A 256 MB page cache, in-memory temp storage
    /// and sorter threads did not make the 1M-row index rebuilds faster (docs/benchmarks.md), so they are left alone.</summary>
    private static async Task BeginBulkSessionAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        if (db.Provider == StoreProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF;", ct);
        }
    }

    private static async Task EndBulkSessionAsync(BaiqiangDbContext db)
    {
        if (db.Provider == StoreProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>PostgreSQL: room for in-memory index sorts (the 64 MB default spills 1M-row sorts to disk) and, in a
    /// transaction this writer owns, a commit that does not wait for the WAL flush (a crash loses the whole load,
    /// never part of it).</summary>
    private static async Task BeginBulkTransactionAsync(BaiqiangDbContext db, bool ownTransaction, CancellationToken ct)
    {
        if (db.Provider == StoreProvider.PostgreSql)
        {
            await db.Database.ExecuteSqlRawAsync(
                ownTransaction ? "SET LOCAL synchronous_commit = off; SET LOCAL maintenance_work_mem = '512MB'" : "SET LOCAL maintenance_work_mem = '512MB'", ct);
        }
    }

    private static async Task RecreateIndexesAsync(BaiqiangDbContext db, List<string> indexes, CancellationToken ct)
    {
        foreach (var create in indexes)
        {
            await db.Database.ExecuteSqlRawAsync(create, ct);
        }
    }

    /// <summary>Drops the observations table's indexes inside the current transaction and returns the SQL that recreates
    /// them exactly as the migrations made them (a rollback restores them anyway): the secondary indexes and, on
    /// PostgreSQL, the primary key. Its key leads with <c>region_code</c> (<see cref="Cluster.CitusKeys"/>), so every
    /// copied row would land on another leaf of the key's B-tree: kept during a 1M-row COPY it doubled the server's
    /// time for the COPY, while building it after the load takes a fraction of that (docs/benchmarks.md). SQLite's key
    /// is the rowid itself and stays.</summary>
    private static async Task<List<string>> DropIndexesAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        // Rows of (drop, create). A partitioned table's index definitions read "ON ONLY observations", which would build
        // the parent's index alone (invalid, no partition indexes): "ON observations" builds it on every partition again.
        const string Sqlite = """
            SELECT 'DROP INDEX "' || replace(name, '"', '""') || '"', sql
              FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL
            """;
        const string Postgres = """
            SELECT format('ALTER TABLE observations DROP CONSTRAINT %I', conname),
                   format('ALTER TABLE observations ADD CONSTRAINT %I %s', conname, pg_get_constraintdef(oid))
              FROM pg_constraint WHERE conrelid = to_regclass('observations') AND contype = 'p'
            UNION ALL
            SELECT format('DROP INDEX %I', indexname), replace(indexdef, ' ON ONLY ', ' ON ')
              FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'observations' AND indexname <> 'pk_observations'
            """;
        var found = new List<(string Drop, string Create)>();
        var connection = db.Database.GetDbConnection();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = db.Provider == StoreProvider.Sqlite ? Sqlite : Postgres;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (drop, _) in found)
        {
            // Names come from the catalogue, not from users, and are quoted by the query.
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }

        return [.. found.Select(f => f.Create)];
    }

    private readonly record struct Key(RegionCode Region, IndicatorCode Indicator, StatPeriod Period);

    private static Key KeyOf(ObservationRecord r) => new(r.Region, r.Indicator, r.Period);

    private static Key KeyOf(ObservationEntity e) => new(e.RegionCode, e.IndicatorCode, e.Period);

    private static (List<ObservationRecord> Unique, int Duplicates) LastPerKey(IReadOnlyList<ObservationRecord> records)
    {
        var last = new Dictionary<Key, int>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            last[KeyOf(records[i])] = i;
        }

        if (last.Count == records.Count)
        {
            return (records as List<ObservationRecord> ?? [.. records], 0);
        }

        var unique = new List<ObservationRecord>(last.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (last[KeyOf(records[i])] == i)
            {
                unique.Add(records[i]);
            }
        }

        return (unique, records.Count - unique.Count);
    }

    private static async Task<bool> NothingStoredForAsync(BaiqiangDbContext db, List<ObservationRecord> records, CancellationToken ct)
    {
        foreach (var indicator in records.Select(r => r.Indicator).Distinct())
        {
            if (await db.Observations.AnyAsync(o => o.IndicatorCode == indicator, ct))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<WriteSummary> GeneralAsync(BaiqiangDbContext db, List<ObservationRecord> records, DateTimeOffset now, string user, CancellationToken ct)
    {
        int inserted = 0, revised = 0, unchanged = 0;
        foreach (var chunk in records.Chunk(Chunk))
        {
            var current = await LoadCurrentAsync(db, chunk, ct);
            var added = new List<ObservationEntity>(chunk.Length);
            var audits = new List<AuditEntry>();
            foreach (var r in chunk)
            {
                if (!current.TryGetValue(KeyOf(r), out var old))
                {
                    added.Add(ObservationEntity.From(r, 1, now, user));
                    inserted++;
                    continue;
                }

                if (old.Value == r.Value && old.GrowthPercent == r.GrowthPercent && old.Qualifier == r.Qualifier && old.GrowthBasis == ObservationEntity.StoredBasis(r.GrowthBasis)
                    && old.CurrentPriceGrowthPercent == r.CurrentPriceGrowthPercent)
                {
                    unchanged++;
                    continue;
                }

                db.Observations.Attach(old);
                old.IsCurrent = false;
                old.SupersededAt = now;
                added.Add(ObservationEntity.From(r, old.Revision + 1, now, user));
                audits.AddRange(Differences(old, r, now, user));
                revised++;
            }

            // Supersede first, then insert: the unique index on current rows must never see two at once.
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.Observations.AddRange(added);
            db.AuditEntries.AddRange(audits);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return new WriteSummary(inserted, revised, unchanged);
    }

    private static IEnumerable<AuditEntry> Differences(ObservationEntity old, ObservationRecord r, DateTimeOffset now, string user)
    {
        var key = $"{old.RegionCode}|{old.IndicatorCode}|{old.Period}";
        AuditEntry Row(string field, object? from, object? to) => new()
        {
            At = now,
            User = user,
            Entity = "observation",
            Key = key,
            Field = field,
            OldValue = Infrastructure.Naming.Format(from),
            NewValue = Infrastructure.Naming.Format(to),
        };

        yield return Row("revision", old.Revision, old.Revision + 1);
        if (old.Value != r.Value)
        {
            yield return Row("value", old.Value, r.Value);
        }

        if (old.GrowthPercent != r.GrowthPercent)
        {
            yield return Row("growth_percent", old.GrowthPercent, r.GrowthPercent);
        }

        if (old.Qualifier != r.Qualifier)
        {
            yield return Row("qualifier", old.Qualifier, r.Qualifier);
        }

        if (old.GrowthBasis != ObservationEntity.StoredBasis(r.GrowthBasis))
        {
            yield return Row("growth_basis", old.GrowthBasis, ObservationEntity.StoredBasis(r.GrowthBasis));
        }

        if (old.CurrentPriceGrowthPercent != r.CurrentPriceGrowthPercent)
        {
            yield return Row("current_price_growth_percent", old.CurrentPriceGrowthPercent, r.CurrentPriceGrowthPercent);
        }
    }

    /// <summary>Current rows for the chunk's keys: one query per indicator and slice of regions, not one per record.</summary>
    private static async Task<Dictionary<Key, ObservationEntity>> LoadCurrentAsync(BaiqiangDbContext db, ObservationRecord[] chunk, CancellationToken ct)
    {
        var wanted = chunk.Select(KeyOf).ToHashSet();
        var result = new Dictionary<Key, ObservationEntity>();
        foreach (var byIndicator in chunk.GroupBy(r => r.Indicator))
        {
            IndicatorCode indicator = byIndicator.Key;
            foreach (var regions in byIndicator.Select(r => r.Region).Distinct().Chunk(500))
            {
                var periods = byIndicator.Where(r => regions.Contains(r.Region)).Select(r => r.Period).Distinct().ToList();
                List<RegionCode> regionList = [.. regions];
                var query = db.Observations.AsNoTracking().Where(o => o.IsCurrent && o.IndicatorCode == indicator && regionList.Contains(o.RegionCode));
                if (periods.Count <= 50)
                {
                    query = query.Where(o => periods.Contains(o.Period));
                }

                foreach (var row in await query.ToListAsync(ct))
                {
                    var k = KeyOf(row);
                    if (wanted.Contains(k))
                    {
                        result[k] = row;
                    }
                }
            }
        }

        return result;
    }

    private static IBulkRows OpenBulk(BaiqiangDbContext db, DateTimeOffset now, string user, bool partitioned) => db.Provider == StoreProvider.Sqlite
        ? new SqliteBulkRows((SqliteConnection)db.Database.GetDbConnection(), now, user)
        : new PostgresBulkRows((NpgsqlConnection)db.Database.GetDbConnection(), now, user, partitioned);

    private const string DecimalFormat = "0.0###########################";

    private static string DecimalText(decimal value) => value.ToString(DecimalFormat, CultureInfo.InvariantCulture);

    /// <summary>The text of <see cref="FormatDecimal(decimal, Span{byte})"/> as a string, for bulk writers that bind text
    /// parameters (<see cref="Projects.MonthlyReportBulk"/>): the same text as EF Core's, without parsing a format string.</summary>
    internal static string FormatDecimalText(decimal value)
    {
        Span<byte> utf8 = stackalloc byte[64];
        return Encoding.UTF8.GetString(utf8[..FormatDecimal(value, utf8)]);
    }

    /// <summary>
    /// Writes <paramref name="value"/> into <paramref name="utf8"/> (64 bytes are always enough) exactly as
    /// <see cref="DecimalText"/> does, the text EF Core stores for a decimal on SQLite: every digit of the value, no
    /// exponent, at least one decimal place and no trailing zeros (80.19, 10000.0, -0.00000001). The custom format is
    /// parsed anew for each value, which made it a twentieth of a 1M-row SQLite import's CPU; the general format gives
    /// the same digits with the value's own scale, and only the trailing zeros differ.
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    internal static int FormatDecimal(decimal value, Span<byte> utf8)
    {
        // Zero (which may carry a sign the two formats treat differently) takes the custom format itself.
        if (value != 0 && value.TryFormat(utf8, out var n, default, CultureInfo.InvariantCulture))
        {
            var point = utf8[..n].IndexOf((byte)'.');
            if (point < 0)
            {
                utf8[n++] = (byte)'.';
                utf8[n++] = (byte)'0';
                return n;
            }

            while (n > point + 2 && utf8[n - 1] == (byte)'0')
            {
                n--;
            }

            return n;
        }

        return value.TryFormat(utf8, out var written, DecimalFormat, CultureInfo.InvariantCulture)
            ? written
            : Encoding.UTF8.GetBytes(DecimalText(value), utf8);
    }

    /// <summary>
    /// The UTF-8 bytes of the texts both bulk writers send per row (indicator codes, periods, units, sources), encoded once
    /// per distinct text. Per-row texts (a source column naming each row's document) are not worth keeping past 10,000.
    /// </summary>
    private sealed class Utf8Texts
    {
        private readonly Dictionary<string, byte[]> _texts = new(StringComparer.Ordinal);
        private readonly Dictionary<StatPeriod, byte[]> _periods = [];

        public byte[] Text(string value)
        {
            if (!_texts.TryGetValue(value, out var bytes))
            {
                bytes = Encoding.UTF8.GetBytes(value);
                if (_texts.Count < 10_000)
                {
                    _texts[value] = bytes;
                }
            }

            return bytes;
        }

        public byte[] Period(StatPeriod period)
        {
            if (!_periods.TryGetValue(period, out var bytes))
            {
                bytes = Encoding.UTF8.GetBytes(period.ToString());
                _periods[period] = bytes;
            }

            return bytes;
        }
    }

    /// <summary>Rows of a bulk load, written one by one as they come; disposing without <see cref="Complete"/> abandons
    /// the load (the surrounding transaction is then rolled back).</summary>
    private interface IBulkRows : IDisposable
    {
        void Write(ObservationRecord r);

        /// <summary>Finishes the load and returns the rows written.</summary>
        int Complete();
    }

    /// <summary>SQLite bulk insert straight on the native statement: one prepared INSERT, bound by position, stepped and
    /// reset per row. Texts that repeat (indicator, period, unit, source, user, time) are encoded to UTF-8 once and
    /// decimals are formatted straight into UTF-8 on the stack, so a row allocates nothing.</summary>
    private sealed class SqliteBulkRows : IBulkRows
    {
        /// <summary>Rows per INSERT statement: each statement run also rewrites the table's AUTOINCREMENT counter and
        /// restarts the VM, so one statement per 32 rows cuts that cost 32-fold (608 parameters, far under SQLite's limit).</summary>
        private const int RowsPerStatement = 32;

        private const int PerRow = 16;

        private readonly sqlite3 _handle;
        private readonly Bindings _many;
        private Bindings? _one;
        private readonly ObservationRecord[] _pending = new ObservationRecord[RowsPerStatement];
        private int _pendingCount;
        private readonly byte[] _recordedAt;
        private readonly byte[] _user;
        private readonly Utf8Texts _utf8 = new();
        private int _count;

        public SqliteBulkRows(SqliteConnection connection, DateTimeOffset now, string user)
        {
            _handle = connection.Handle ?? throw new InvalidOperationException("SQLite连接未打开 / SQLite connection is not open");

            // Same text forms Microsoft.Data.Sqlite and EF Core write for DateTimeOffset and decimal.
            _recordedAt = Encoding.UTF8.GetBytes(now.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            _user = Encoding.UTF8.GetBytes(user);
            _many = Prepare(RowsPerStatement);
        }

        /// <summary>A statement inserting <paramref name="rows"/> rows. Each row binds its 16 own values at ?(k·16+1) …
        /// ?(k·16+16); revision 1, current and no superseded time are literals, and the recorded time and user are ?1001
        /// and ?1002, bound once for the whole load (bindings survive a reset).</summary>
        private Bindings Prepare(int rows)
        {
            var values = Enumerable.Range(0, rows).Select(k =>
            {
                string P(int i) => "?" + ((k * PerRow) + i).ToString(CultureInfo.InvariantCulture);
                return $"({P(1)}, {P(2)}, {P(3)}, {P(4)}, {P(5)}, {P(6)}, {P(7)}, {P(8)}, {P(9)}, {P(10)}, {P(11)}, {P(12)}, {P(13)}, {P(14)}, {P(15)}, {P(16)}, 1, 1, ?1001, ?1002, NULL)";
            });
            var sql = $"INSERT INTO observations ({Columns}) VALUES {string.Join(", ", values)}";
            Check(_handle, raw.sqlite3_prepare_v2(_handle, sql, out var stmt));
            Check(_handle, raw.sqlite3_bind_text(stmt, 1001, _recordedAt));
            Check(_handle, raw.sqlite3_bind_text(stmt, 1002, _user));
            return new Bindings(stmt, rows * PerRow);
        }

        public void Write(ObservationRecord r)
        {
            _pending[_pendingCount++] = r;
            if (_pendingCount < RowsPerStatement)
            {
                return;
            }

            for (var i = 0; i < RowsPerStatement; i++)
            {
                Bind(_many, i * PerRow, _pending[i]);
            }

            Step(_many);
            _count += RowsPerStatement;
            _pendingCount = 0;
        }

        public int Complete()
        {
            if (_pendingCount > 0)
            {
                _one ??= Prepare(1);
                for (var i = 0; i < _pendingCount; i++)
                {
                    Bind(_one, 0, _pending[i]);
                    Step(_one);
                }

                _count += _pendingCount;
                _pendingCount = 0;
            }

            return _count;
        }

        public void Dispose()
        {
            _many.Dispose();
            _one?.Dispose();
        }

        private void Step(Bindings statement)
        {
            var stmt = statement.Statement;
            var rc = raw.sqlite3_step(stmt);
            raw.sqlite3_reset(stmt);
            if (rc != raw.SQLITE_DONE)
            {
                Check(_handle, rc);
            }
        }

        /// <summary>Binds one row's 16 own values at parameters <paramref name="offset"/> + 1 … + 16, skipping each value
        /// the statement already holds there (<see cref="Bindings"/>).</summary>
        private void Bind(Bindings b, int offset, ObservationRecord r)
        {
            b.Int(offset + 1, r.Region.Value);
            b.Text(offset + 2, _utf8.Text(r.Indicator.Value));
            b.Text(offset + 3, _utf8.Period(r.Period));
            b.Int(offset + 4, r.Period.Year);
            b.Int(offset + 5, r.Period.FirstMonth);
            b.Int(offset + 6, r.Period.LastMonth);
            b.Decimal(offset + 7, r.Value);
            b.Text(offset + 8, _utf8.Text(r.Unit.Symbol));
            b.Decimal(offset + 9, r.GrowthPercent);
            b.Int(offset + 10, (int)r.Qualifier);
            b.Int(offset + 11, (int)r.Source.Kind);
            b.Text(offset + 12, r.Source.Reference is { } reference ? _utf8.Text(reference) : null);
            b.Int(offset + 13, r.Source.Row);
            b.Text(offset + 14, r.Source.Column is { } column ? _utf8.Text(column) : null);
            b.Int(offset + 15, (int?)ObservationEntity.StoredBasis(r.GrowthBasis));
            b.Decimal(offset + 16, r.CurrentPriceGrowthPercent);
        }

        /// <summary>
        /// A prepared INSERT and the value each of its parameters holds. Bindings survive <c>sqlite3_reset</c>, so a value
        /// equal to the one already bound at its place is not bound again: in a long-form file the indicator, period, unit,
        /// file, row kind and the empty columns repeat from row to row, and each bind is a call into SQLite that takes the
        /// connection's mutex (a 1M-row load made 16 million of them; now about a quarter).
        /// </summary>
        private sealed class Bindings(sqlite3_stmt statement, int parameters) : IDisposable
        {
            private enum Held : byte { Nothing, Null, Int, Text, Decimal }

            private readonly Held[] _held = new Held[parameters + 1];
            private readonly int[] _ints = new int[parameters + 1];
            private readonly byte[]?[] _texts = new byte[]?[parameters + 1];
            private readonly decimal[] _decimals = new decimal[parameters + 1];

            public sqlite3_stmt Statement { get; } = statement;

            public void Int(int index, int? value)
            {
                if (value is not { } v)
                {
                    Null(index);
                }
                else if (_held[index] != Held.Int || _ints[index] != v)
                {
                    raw.sqlite3_bind_int(Statement, index, v);
                    _held[index] = Held.Int;
                    _ints[index] = v;
                }
            }

            /// <summary>Binds UTF-8 text (SQLite copies it); the same array as last time is the same text, since
            /// <see cref="Utf8Texts"/> hands out one array per distinct text.</summary>
            public void Text(int index, byte[]? value)
            {
                if (value is null)
                {
                    Null(index);
                }
                else if (_held[index] != Held.Text || !ReferenceEquals(_texts[index], value))
                {
                    raw.sqlite3_bind_text(Statement, index, value);
                    _held[index] = Held.Text;
                    _texts[index] = value;
                }
            }

            /// <summary>Binds a decimal as the text EF Core writes (<see cref="FormatDecimal"/>). Equal decimals give equal
            /// text (1.10 and 1.1 both “1.1”); zero is always bound again, as −0 and 0 compare equal.</summary>
            public void Decimal(int index, decimal? value)
            {
                if (value is not { } v)
                {
                    Null(index);
                    return;
                }

                if (_held[index] == Held.Decimal && _decimals[index] == v && v != 0)
                {
                    return;
                }

                Span<byte> text = stackalloc byte[64];
                raw.sqlite3_bind_text(Statement, index, text[..FormatDecimal(v, text)]);
                _held[index] = Held.Decimal;
                _decimals[index] = v;
            }

            private void Null(int index)
            {
                if (_held[index] != Held.Null)
                {
                    raw.sqlite3_bind_null(Statement, index);
                    _held[index] = Held.Null;
                    _texts[index] = null;
                }
            }

            public void Dispose() => Statement.Dispose();
        }

        private static void Check(sqlite3 handle, int rc)
        {
            if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                throw new SqliteException($"批量写入失败 / bulk insert failed: {raw.sqlite3_errmsg(handle).utf8_to_string()}", rc, raw.sqlite3_extended_errcode(handle));
            }
        }
    }

    /// <summary>PostgreSQL binary COPY of the typed columns, encoded here straight into the COPY stream.</summary>
    /// <remarks>
    /// <para>The first row of a year not yet seen in this load ends the running COPY, makes sure the year has its
    /// partition (<see cref="Cluster.ObservationPartitions"/>) and starts the next COPY, so rows never land in the
    /// default partition and a stream's years need not be known in advance.</para>
    /// <para>Rows are written in PostgreSQL's binary COPY format by <see cref="PgCopyRow"/> into a buffer that goes to
    /// <see cref="NpgsqlConnection.BeginRawBinaryCopy(string)"/> in large pieces. Npgsql's <see cref="NpgsqlBinaryImporter"/>
    /// resolved and bound a parameter for each of the 21 values of every row; that bookkeeping was about a quarter of
    /// the CLI's CPU in a 1M-row import (docs/benchmarks.md, "PostgreSQL import client CPU"). Texts that repeat
    /// (indicator, period, unit, source, user) are encoded to UTF-8 once. The server still checks every value
    /// (types, lengths, NOT NULL, numeric(28,8)) as it did.</para>
    /// </remarks>
    private sealed class PostgresBulkRows(NpgsqlConnection connection, DateTimeOffset now, string user, bool partitioned) : IBulkRows
    {
        private const string Copy = $"COPY observations ({Columns}) FROM STDIN (FORMAT BINARY)";
        private const int FieldCount = 21;
        private readonly long _recordedAt = PgCopyRow.TimestampTz(now);
        private readonly byte[] _user = Encoding.UTF8.GetBytes(user);
        private readonly HashSet<int> _years = [];
        private readonly Utf8Texts _utf8 = new();
        private PgCopyRow _row = new(1 << 16);
        private NpgsqlRawCopyStream? _copy;
        private int _year = int.MinValue;
        private int _written;

        public void Write(ObservationRecord r)
        {
            if (partitioned && r.Period.Year != _year && _years.Add(r.Period.Year))
            {
                EndCopy();
                Cluster.ObservationPartitions.Ensure(connection, r.Period.Year);
            }

            _year = r.Period.Year;
            _copy ??= StartCopy();
            ref var w = ref _row;
            w.StartRow(FieldCount);
            w.Int(r.Region.Value);
            w.Text(_utf8.Text(r.Indicator.Value));
            w.Text(_utf8.Period(r.Period));
            w.Int(r.Period.Year);
            w.Int(r.Period.FirstMonth);
            w.Int(r.Period.LastMonth);
            w.Numeric(r.Value);
            w.Text(_utf8.Text(r.Unit.Symbol));
            w.Numeric(r.GrowthPercent);
            w.Int((int)r.Qualifier);
            w.Int((int)r.Source.Kind);
            w.Text(r.Source.Reference is { } reference ? _utf8.Text(reference) : null);
            w.Int(r.Source.Row);
            w.Text(r.Source.Column is { } column ? _utf8.Text(column) : null);
            w.Int((int?)ObservationEntity.StoredBasis(r.GrowthBasis));
            w.Numeric(r.CurrentPriceGrowthPercent);
            w.Int(1);
            w.Bool(true);
            w.Int64(_recordedAt);
            w.Text(_user);
            w.Null();
            _written++;
            if (w.Length >= PgCopyRow.FlushAt)
            {
                _copy.Write(w.Written);
                w.Clear();
            }
        }

        public int Complete()
        {
            EndCopy();
            return _written;
        }

        /// <summary>Abandons a COPY that was not completed: the server discards what it received.</summary>
        public void Dispose()
        {
            if (_copy is { } copy)
            {
                _copy = null;
                try
                {
                    copy.Cancel();
                }
                catch (Exception e) when (e is NpgsqlException or ObjectDisposedException or IOException)
                {
                    // The connection already broke (that is why the load stops); the transaction is rolled back anyway.
                }
            }
        }

        private NpgsqlRawCopyStream StartCopy()
        {
            var copy = connection.BeginRawBinaryCopy(Copy);
            _row.Clear();
            _row.Header();
            return copy;
        }

        /// <summary>Sends the rest of the rows and the trailer and completes the running COPY, if any.</summary>
        private void EndCopy()
        {
            if (_copy is not { } copy)
            {
                return;
            }

            _row.Trailer();
            copy.Write(_row.Written);
            _row.Clear();
            _copy = null;
            copy.Dispose();
        }

    }
}
