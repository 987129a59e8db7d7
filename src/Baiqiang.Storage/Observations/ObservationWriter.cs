using System.Data;
using System.Globalization;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Baiqiang.Storage.Observations;

/// <summary>What a write did: new facts, corrected facts (a new revision), and facts already stored as given.</summary>
public sealed record WriteSummary(int Inserted, int Revised, int Unchanged);

/// <summary>Stores validated observations, keeping every earlier revision.</summary>
public static class ObservationWriter
{
    /// <summary>Batches at least this large, into indicators with no stored rows, take the bulk path.</summary>
    internal const int BulkThreshold = 5_000;

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
                    var n = db.Provider == StoreProvider.Sqlite
                        ? BulkSqlite(db, unique, now, user)
                        : BulkPostgres(db, unique, now, user);
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

    private readonly record struct Key(int Region, string Indicator, string Period);

    private static Key KeyOf(ObservationRecord r) => new(r.Region.Value, r.Indicator.Value, r.Period.ToString());

    private static Key KeyOf(ObservationEntity e) => new(e.RegionCode.Value, e.IndicatorCode.Value, e.Period.ToString());

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

    private static int BulkSqlite(BaiqiangDbContext db, List<ObservationRecord> records, DateTimeOffset now, string user)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        var names = Columns.Split(", ");
        command.CommandText = $"INSERT INTO observations ({Columns}) VALUES ({string.Join(", ", names.Select(n => "$" + n))})";
        var p = names.Select(n => command.Parameters.Add("$" + n, SqliteType.Text)).ToArray();
        p[0].SqliteType = SqliteType.Integer;
        foreach (var i in new[] { 3, 4, 5, 9, 10, 12, 14, 15 })
        {
            p[i].SqliteType = SqliteType.Integer;
        }

        command.Prepare();
        var recordedAt = now.ToUniversalTime();
        p[14].Value = 1;
        p[15].Value = 1;
        p[16].Value = recordedAt;
        p[17].Value = user;
        p[18].Value = DBNull.Value;
        var count = 0;
        foreach (var r in records)
        {
            p[0].Value = r.Region.Value;
            p[1].Value = r.Indicator.Value;
            p[2].Value = r.Period.ToString();
            p[3].Value = r.Period.Year;
            p[4].Value = r.Period.FirstMonth;
            p[5].Value = r.Period.LastMonth;
            p[6].Value = r.Value;
            p[7].Value = r.Unit.Symbol;
            p[8].Value = r.GrowthPercent is { } g ? g : DBNull.Value;
            p[9].Value = (int)r.Qualifier;
            p[10].Value = (int)r.Source.Kind;
            p[11].Value = r.Source.Reference;
            p[12].Value = r.Source.Row is { } row ? row : DBNull.Value;
            p[13].Value = (object?)r.Source.Column ?? DBNull.Value;
            count += command.ExecuteNonQuery();
        }

        return count;
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
            importer.Write(r.Value, NpgsqlDbType.Numeric);
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
