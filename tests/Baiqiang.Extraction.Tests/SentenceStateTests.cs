using System.Collections;
using System.Globalization;
using System.Reflection;
using Baiqiang.Extraction.Statements;

namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The statement reader keeps one sentence state and resets it per sentence (no allocation per sentence). A field that the
/// reset forgets would carry one sentence's roles into the next, so these pin that the reset clears every field.
/// </summary>
public sealed class SentenceStateTests
{
    private static readonly Type State = typeof(StatementReader).GetNestedType("SentenceState", BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("StatementReader.SentenceState not found");

    private static FieldInfo[] Fields => State.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

    [Fact]
    public void Reset_ClearsAsManyFieldsAsTheStateHas()
    {
        var declared = (int)State.GetField("ResetFieldCount")!.GetRawConstantValue()!;

        // A new field needs a line in SentenceState.Reset, then this count raised.
        Assert.Equal(declared, Fields.Length);
    }

    [Fact]
    public void Reset_OfANewState_GivesTheFieldValuesAConstructedStateHas()
    {
        var constructed = Activator.CreateInstance(State, nonPublic: true)!;
        State.GetField("NameStart")!.SetValue(constructed, 5);
        State.GetField("FirstFact")!.SetValue(constructed, 3);
        State.GetField("Target")!.SetValue(constructed, true);
        var reset = Activator.CreateInstance(State, nonPublic: true)!;
        State.GetMethod("Reset")!.Invoke(reset, [5, 3, true]);

        foreach (var f in Fields.Where(f => f.FieldType.IsValueType || f.FieldType == typeof(string)))
        {
            Assert.True(Equals(f.GetValue(constructed), f.GetValue(reset)), f.Name); // ParenOpen -1 and RespectiveSign 1, as their initialisers
        }
    }

    [Fact]
    public void Reset_AfterASentenceSetEveryField_LeavesTheStateOfANewSentence()
    {
        var fresh = Activator.CreateInstance(State, nonPublic: true)!;
        State.GetMethod("Reset")!.Invoke(fresh, [5, 3, true]);
        var used = Activator.CreateInstance(State, nonPublic: true)!;
        var dirtied = 0;
        foreach (var f in Fields)
        {
            var value = f.GetValue(used);
            if (f.FieldType == typeof(int))
            {
                f.SetValue(used, 777);
            }
            else if (f.FieldType == typeof(bool))
            {
                f.SetValue(used, !(bool)f.GetValue(fresh)!);
            }
            else if (f.FieldType == typeof(string))
            {
                f.SetValue(used, "上一句");
            }
            else if (value is IEnumerable and not string && (value.GetType().GetMethod("Enqueue") ?? value.GetType().GetMethod("Add")) is { } add)
            {
                var item = add.GetParameters()[0].ParameterType;
                add.Invoke(value, [item.IsValueType ? Activator.CreateInstance(item) : null]);
            }
            else
            {
                continue;
            }

            dirtied++;
        }

        State.GetMethod("Reset")!.Invoke(used, [5, 3, true]);

        Assert.True(dirtied >= 15, string.Create(CultureInfo.InvariantCulture, $"only {dirtied} fields could be dirtied"));
        foreach (var f in Fields)
        {
            var expected = f.GetValue(fresh);
            var actual = f.GetValue(used);
            if (expected is IEnumerable e and not string && actual is IEnumerable a)
            {
                Assert.Equal(e.Cast<object?>().Count(), a.Cast<object?>().Count());
            }
            else
            {
                Assert.True(Equals(expected, actual), string.Create(CultureInfo.InvariantCulture, $"{f.Name}: {actual} after reset, {expected} in a new sentence"));
            }
        }
    }
}
