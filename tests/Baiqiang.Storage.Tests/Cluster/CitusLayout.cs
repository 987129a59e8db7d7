using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Baiqiang.Storage.Tests.Cluster;

/// <summary>How a table is placed on a Citus cluster.</summary>
internal enum CitusPlacement
{
    Distributed,
    Reference,
    Local,
}

/// <summary>
/// The Citus script of <c>docs/scale.md</c> (between the <c>citus-script</c> markers) read as a table → placement list:
/// the documented, closed list of distributed, reference and coordinator-local tables the tests hold the model to.
/// </summary>
internal sealed partial class CitusLayout
{
    public const string Column = "region_code";

    private CitusLayout(string script, IReadOnlyDictionary<string, CitusPlacement> tables)
    {
        Script = script;
        Tables = tables;
    }

    /// <summary>The SQL between the markers, fences removed.</summary>
    public string Script { get; }

    public IReadOnlyDictionary<string, CitusPlacement> Tables { get; }

    public static CitusLayout FromDocs()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "scale.md"));
        var begin = text.IndexOf("<!-- citus-script:begin -->", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- citus-script:end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "docs/scale.md lacks the citus-script markers");
        var script = string.Join('\n', text[begin..end].Split('\n').Skip(1).Where(l => !l.StartsWith("```", StringComparison.Ordinal)));
        return Parse(script);
    }

    public static CitusLayout Parse(string script)
    {
        var tables = new Dictionary<string, CitusPlacement>(StringComparer.Ordinal);
        foreach (Match m in Call().Matches(script))
        {
            var placement = m.Groups["fn"].Value switch
            {
                "create_distributed_table" => CitusPlacement.Distributed,
                "create_reference_table" => CitusPlacement.Reference,
                _ => CitusPlacement.Local,
            };
            Assert.True(tables.TryAdd(m.Groups["table"].Value, placement), $"{m.Groups["table"].Value} is placed twice");
            if (placement == CitusPlacement.Distributed)
            {
                Assert.Equal(Column, m.Groups["column"].Value);
            }
        }

        return new CitusLayout(script, tables);
    }

    /// <summary>
    /// Every way <paramref name="model"/> breaks the Citus rule, one line each, starting with the table's name: a table in
    /// none of the lists; a distributed table without a NOT NULL <c>region_code</c>, or whose primary key, alternate keys,
    /// unique indexes or foreign keys to other distributed tables lack it; a reference or local table referencing a
    /// distributed one.
    /// </summary>
    public IReadOnlyList<string> Violations(IModel model)
    {
        var found = new List<string>();
        foreach (var entity in model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            var table = entity.GetTableName()!;
            var id = StoreObjectIdentifier.Table(table, entity.GetSchema());
            bool HasColumn(IEnumerable<IProperty> properties) => properties.Any(p => p.GetColumnName(id) == Column);
            string Columns(IEnumerable<IProperty> properties) => "(" + string.Join(", ", properties.Select(p => p.GetColumnName(id))) + ")";

            if (!Tables.TryGetValue(table, out var placement))
            {
                found.Add($"{table}: in none of docs/scale.md's lists (distributed, reference or local)");
                continue;
            }

            var distributedReferences = entity.GetForeignKeys()
                .Where(fk => fk.PrincipalEntityType.GetTableName() is { } t && Tables.TryGetValue(t, out var p) && p == CitusPlacement.Distributed)
                .ToList();
            if (placement != CitusPlacement.Distributed)
            {
                found.AddRange(distributedReferences.Select(fk =>
                    $"{table}: a {placement.ToString().ToLowerInvariant()} table references distributed {fk.PrincipalEntityType.GetTableName()}"));
                continue;
            }

            if (entity.GetProperties().FirstOrDefault(p => p.GetColumnName(id) == Column) is not { IsNullable: false })
            {
                found.Add($"{table}: no NOT NULL {Column} column");
            }

            foreach (var key in entity.GetKeys().Where(k => !HasColumn(k.Properties)))
            {
                found.Add($"{table}: {(key.IsPrimaryKey() ? "primary key" : "alternate key")} {Columns(key.Properties)} lacks {Column}");
            }

            foreach (var index in entity.GetIndexes().Where(i => i.IsUnique && !HasColumn(i.Properties)))
            {
                found.Add($"{table}: unique index {index.GetDatabaseName()} {Columns(index.Properties)} lacks {Column}");
            }

            foreach (var fk in distributedReferences)
            {
                var principalId = StoreObjectIdentifier.Table(fk.PrincipalEntityType.GetTableName()!, fk.PrincipalEntityType.GetSchema());
                var paired = fk.Properties.Zip(fk.PrincipalKey.Properties)
                    .Any(p => p.First.GetColumnName(id) == Column && p.Second.GetColumnName(principalId) == Column);
                if (!paired)
                {
                    found.Add($"{table}: foreign key {Columns(fk.Properties)} → {fk.PrincipalEntityType.GetTableName()} does not pair {Column} with {Column}");
                }
            }
        }

        return found;
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Baiqiang.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Baiqiang.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?<fn>create_distributed_table|create_reference_table|citus_add_local_table_to_metadata)\('(?<table>\w+)'(?:,\s*'(?<column>\w+)')?")]
    private static partial Regex Call();
}
