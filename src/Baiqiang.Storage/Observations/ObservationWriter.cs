using System.Data;
using System.Globalization;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Baiqiang.Storage.Observations;

/// <summary>What a write did: new facts, corrected facts (a new revision), and facts already stored as given.</summary>
public sealed record WriteSummary(int Inserted, int Revised, int Unchanged);

/// <summary>Stores validated observations, keeping every earlier revision.</summary>
public static class ObservationWriter
{
    /// <summary>Batches at least this large, into indicators with no stored rows, take the bulk path.</summary>
    internal const int BulkThreshold = 5_000;

    /// <summary>Bulk loads at least this large into an empty table drop and rebuild the secondary indexes.</summary>
    internal const int RebuildIndexesThreshold = 50_000;

    private const int Chunk = 2_000;

    private const string Columns =
        "region_code, indicator_code, period, period_year, period_first_month, period_last_month, value, unit, growth_percent, qualifier, " +
        "source_kind, source_reference, source_row, source_column, revision, is_current, recorded_at, recorded_by, superseded_at";

    /// <summary>
    /// Writes <paramref name="records"/> in one transaction: a fact not yet stored becomes revision 1; a fact stored with
    /// the same value, growth and qualifier is unchanged; a fact stored differently gets a new current revision and the
    /// old one is kept with <see cref="ObservationEntity.SupersededAt"/> set. All or nothing: any exception rolls back.
    /// </summary>
    /// <remarks>When one (region, indicator, period) occurs more than once in the batch, the last occurrence wins and
    /// the earlier ones count as unchanged. Large batches into indicators with nothing stored yet use a bulk path
    /// (prepared INSERT on SQLite, binary COPY on PostgreSQL) with one summary audit row.</remarks>
    public static async Task<WriteSummary> WriteAsync(
        BaiqiangDbContext db, IReadOnlyList<ObservationRecord> records, string user, TimeProvider clock, CancellationToken ct)
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
        var bulk = unique.Count >= BulkThreshold && await NothingStoredForAsync(db, unique, ct);

        // Into a completely empty table it is faster to build the secondary indexes once, after the load.
        var rebuildIndexes = bulk && unique.Count >= RebuildIndexesThreshold && !await db.Observations.AnyAsync(ct);

        var previousUser = db.CurrentUser;
        var previousClock = db.Clock;
        var previousDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.CurrentUser = user;
        db.Clock = clock;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var ownTransaction = db.Database.CurrentTransaction is null;
        var sqliteBulk = bulk && db.Provider == StoreProvider.Sqlite;
        try
        {
            if (sqliteBulk)
            {
                await db.Database.OpenConnectionAsync(ct);
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF;", ct);
            }

            IDbContextTransaction? tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                WriteSummary summary;
                if (bulk)
                {
                    var indexes = rebuildIndexes ? await DropSecondaryIndexesAsync(db, ct) : [];
                    var n = db.Provider == StoreProvider.Sqlite
                        ? BulkSqlite(db, unique, now, user)
                        : BulkPostgres(db, unique, now, user);
                    if (indexes.Count > 0 && db.Provider == StoreProvider.PostgreSql)
                    {
                        // Index builds sort in memory when they can; PostgreSQL's 64 MB default spills 1M-row sorts to disk.
                        await db.Database.ExecuteSqlRawAsync("SET LOCAL maintenance_work_mem = '512MB'", ct);
                    }

                    foreach (var create in indexes)
                    {
                        await db.Database.ExecuteSqlRawAsync(create, ct);
                    }

                    db.AuditEntries.Add(new AuditEntry
                    {
                        At = now,
                        User = user,
                        Entity = "observation",
                        Key = "*",
                        Field = "bulk_insert",
                        NewValue = string.Create(CultureInfo.InvariantCulture, $"{n} rows, revision 1, from {unique[0].Source.Reference}"),
                    });
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
            if (sqliteBulk)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Drops the observations table's secondary indexes inside the current transaction and returns the SQL
    /// that recreates them exactly as the migration made them (a rollback restores them anyway).</summary>
    private static async Task<List<string>> DropSecondaryIndexesAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        var sql = db.Provider == StoreProvider.Sqlite
            ? "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL"
            : "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'observations' AND indexname <> 'pk_observations'";
        var found = new List<(string Name, string Create)>();
        var connection = db.Database.GetDbConnection();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in found)
        {
            // Index names come from the catalogue, not from users; quotes are stripped all the same.
            var drop = "DROP INDEX \"" + name.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"";
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

                if (old.Value == r.Value && old.GrowthPercent == r.GrowthPercent && old.Qualifier == r.Qualifier)
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

    /// <summary>SQLite bulk insert straight on the native statement: one prepared INSERT, bound by position, stepped and reset per row.</summary>
    private static int BulkSqlite(BaiqiangDbContext db, List<ObservationRecord> records, DateTimeOffset now, string user)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var handle = connection.Handle ?? throw new InvalidOperationException("SQLite连接未打开 / SQLite connection is not open");

        // Same text forms Microsoft.Data.Sqlite and EF Core write for DateTimeOffset and decimal.
        var recordedAt = now.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        var sql = $"INSERT INTO observations ({Columns}) VALUES ({string.Join(", ", Enumerable.Range(1, 19).Select(i => "?" + i.ToString(CultureInfo.InvariantCulture)))})";
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var stmt));
        using (stmt)
        {
            var count = 0;
            foreach (var r in records)
            {
                raw.sqlite3_bind_int(stmt, 1, r.Region.Value);
                raw.sqlite3_bind_text(stmt, 2, r.Indicator.Value);
                raw.sqlite3_bind_text(stmt, 3, r.Period.ToString());
                raw.sqlite3_bind_int(stmt, 4, r.Period.Year);
                raw.sqlite3_bind_int(stmt, 5, r.Period.FirstMonth);
                raw.sqlite3_bind_int(stmt, 6, r.Period.LastMonth);
                BindText(stmt, 7, r.Value is { } v ? DecimalText(v) : null);
                raw.sqlite3_bind_text(stmt, 8, r.Unit.Symbol);
                BindText(stmt, 9, r.GrowthPercent is { } g ? DecimalText(g) : null);
                raw.sqlite3_bind_int(stmt, 10, (int)r.Qualifier);
                raw.sqlite3_bind_int(stmt, 11, (int)r.Source.Kind);
                BindText(stmt, 12, r.Source.Reference);
                if (r.Source.Row is { } row)
                {
                    raw.sqlite3_bind_int(stmt, 13, row);
                }
                else
                {
                    raw.sqlite3_bind_null(stmt, 13);
                }

                BindText(stmt, 14, r.Source.Column);
                raw.sqlite3_bind_int(stmt, 15, 1);
                raw.sqlite3_bind_int(stmt, 16, 1);
                raw.sqlite3_bind_text(stmt, 17, recordedAt);
                raw.sqlite3_bind_text(stmt, 18, user);
                raw.sqlite3_bind_null(stmt, 19);
                var rc = raw.sqlite3_step(stmt);
                raw.sqlite3_reset(stmt);
                if (rc != raw.SQLITE_DONE)
                {
                    Check(handle, rc);
                }

                count++;
            }

            return count;
        }
    }

    private static string DecimalText(decimal value) => value.ToString("0.0###########################", CultureInfo.InvariantCulture);

    private static void BindText(sqlite3_stmt stmt, int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(stmt, index);
        }
        else
        {
            raw.sqlite3_bind_text(stmt, index, value);
        }
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException($"批量写入失败 / bulk insert failed: {raw.sqlite3_errmsg(handle).utf8_to_string()}", rc, raw.sqlite3_extended_errcode(handle));
        }
    }

    private static int BulkPostgres(BaiqiangDbContext db, List<ObservationRecord> records, DateTimeOffset now, string user)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var recordedAt = now.ToUniversalTime();
        using var importer = connection.BeginBinaryImport($"COPY observations ({Columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var r in records)
        {
            importer.StartRow();
            importer.Write(r.Region.Value, NpgsqlDbType.Integer);
            importer.Write(r.Indicator.Value, NpgsqlDbType.Varchar);
            importer.Write(r.Period.ToString(), NpgsqlDbType.Varchar);
            importer.Write(r.Period.Year, NpgsqlDbType.Integer);
            importer.Write(r.Period.FirstMonth, NpgsqlDbType.Integer);
            importer.Write(r.Period.LastMonth, NpgsqlDbType.Integer);
            if (r.Value is { } v)
            {
                importer.Write(v, NpgsqlDbType.Numeric);
            }
            else
            {
                importer.WriteNull();
            }

            importer.Write(r.Unit.Symbol, NpgsqlDbType.Varchar);
            if (r.GrowthPercent is { } g)
            {
                importer.Write(g, NpgsqlDbType.Numeric);
            }
            else
            {
                importer.WriteNull();
            }

            importer.Write((int)r.Qualifier, NpgsqlDbType.Integer);
            importer.Write((int)r.Source.Kind, NpgsqlDbType.Integer);
            importer.Write(r.Source.Reference, NpgsqlDbType.Varchar);
            if (r.Source.Row is { } row)
            {
                importer.Write(row, NpgsqlDbType.Integer);
            }
            else
            {
                importer.WriteNull();
            }

            if (r.Source.Column is { } column)
            {
                importer.Write(column, NpgsqlDbType.Varchar);
            }
            else
            {
                importer.WriteNull();
            }

            importer.Write(1, NpgsqlDbType.Integer);
            importer.Write(true, NpgsqlDbType.Boolean);
            importer.Write(recordedAt, NpgsqlDbType.TimestampTz);
            importer.Write(user, NpgsqlDbType.Varchar);
            importer.WriteNull();
        }

        return checked((int)importer.Complete());
    }
}
