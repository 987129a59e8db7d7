using System.Globalization;
using Baiqiang.Storage.Auditing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Baiqiang.Storage.Projects;

/// <summary>
/// Inserts many new monthly reports at once — a prepared INSERT on SQLite, binary COPY on PostgreSQL — with one summary
/// audit row instead of one per report (the same trade <c>ObservationWriter</c> makes for bulk loads).
/// </summary>
internal static class MonthlyReportBulk
{
    /// <summary>Imports adding at least this many reports take the bulk path.</summary>
    public const int Threshold = 1000;

    private const string Columns = "region_code, project_id, project_code, year, month, revision, completed_this_month, cumulative_this_year, "
        + "previous_cumulative, progress, problems, state, reviewer, review_comment, correction_reason, is_current, is_opening_balance";

    /// <summary>Saves the tracked changes and inserts <paramref name="rows"/> in one transaction.</summary>
    public static async Task SaveAsync(BaiqiangDbContext db, List<MonthlyReportEntity> rows, string user, string reference, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null;
        var tx = own ? await db.Database.BeginTransactionAsync(ct) : db.Database.CurrentTransaction!;
        try
        {
            var dbTx = tx.GetDbTransaction();
            if (db.Provider == StoreProvider.Sqlite)
            {
                await InsertSqliteAsync((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)dbTx, rows, ct);
            }
            else
            {
                await InsertPostgresAsync((NpgsqlConnection)db.Database.GetDbConnection(), rows, ct);
            }

            db.AuditEntries.Add(new AuditEntry
            {
                At = db.Clock.GetUtcNow(),
                User = user,
                Entity = "monthly_report",
                Key = "*",
                Field = "bulk_insert",
                NewValue = string.Create(CultureInfo.InvariantCulture, $"{rows.Count} reports from {reference}"),
            });
            var previous = db.CurrentUser;
            db.CurrentUser = user;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.CurrentUser = previous;
            }

            if (own)
            {
                await tx.CommitAsync(ct);
            }
        }
        catch
        {
            if (own)
            {
                await tx.RollbackAsync(CancellationToken.None);
            }

            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (own)
            {
                await tx.DisposeAsync();
            }
        }
    }

    private static async Task InsertSqliteAsync(SqliteConnection connection, SqliteTransaction tx, List<MonthlyReportEntity> rows, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO monthly_reports ({Columns}) VALUES ({string.Join(", ", Enumerable.Range(1, 17).Select(i => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var p = new SqliteParameter[17];
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = cmd.Parameters.Add(new SqliteParameter("$p" + (i + 1).ToString(CultureInfo.InvariantCulture), null));
        }

        await cmd.PrepareAsync(ct);
        foreach (var r in rows)
        {
            ct.ThrowIfCancellationRequested();
            p[0].Value = r.RegionCode.Value;
            p[1].Value = r.ProjectId;
            p[2].Value = r.ProjectCode;
            p[3].Value = r.Year;
            p[4].Value = r.Month;
            p[5].Value = r.Revision;
            p[6].Value = DecimalText(r.CompletedThisMonth);
            p[7].Value = DecimalText(r.CumulativeThisYear);
            p[8].Value = DecimalText(r.PreviousCumulative);
            p[9].Value = r.Progress;
            p[10].Value = r.Problems;
            p[11].Value = (int)r.State;
            p[12].Value = (object?)r.Reviewer ?? DBNull.Value;
            p[13].Value = (object?)r.ReviewComment ?? DBNull.Value;
            p[14].Value = (object?)r.CorrectionReason ?? DBNull.Value;
            p[15].Value = r.IsCurrent ? 1 : 0;
            p[16].Value = r.IsOpeningBalance ? 1 : 0;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task InsertPostgresAsync(NpgsqlConnection connection, List<MonthlyReportEntity> rows, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY monthly_reports ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(r.RegionCode.Value, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(r.ProjectId, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(r.ProjectCode, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(r.Year, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(r.Month, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(r.Revision, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(r.CompletedThisMonth, NpgsqlDbType.Numeric, ct);
            await importer.WriteAsync(r.CumulativeThisYear, NpgsqlDbType.Numeric, ct);
            await importer.WriteAsync(r.PreviousCumulative, NpgsqlDbType.Numeric, ct);
            await importer.WriteAsync(r.Progress, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(r.Problems, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync((int)r.State, NpgsqlDbType.Integer, ct);
            await WriteTextAsync(importer, r.Reviewer, ct);
            await WriteTextAsync(importer, r.ReviewComment, ct);
            await WriteTextAsync(importer, r.CorrectionReason, ct);
            await importer.WriteAsync(r.IsCurrent, NpgsqlDbType.Boolean, ct);
            await importer.WriteAsync(r.IsOpeningBalance, NpgsqlDbType.Boolean, ct);
        }

        await importer.CompleteAsync(ct);
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(ct);
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Varchar, ct);
        }
    }

    private static string DecimalText(decimal value) => Observations.ObservationWriter.FormatDecimalText(value);
}
