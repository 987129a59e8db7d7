namespace Baiqiang.Web.Shared.Inputs;

/// <summary>What <c>_PeriodInput</c> draws: a text box named <paramref name="Name"/> that takes canonical or Chinese text,
/// and a picker (year, month span, quarter and half-year shortcuts) that fills it with the canonical value.</summary>
/// <param name="Name">The query key (and the page property the filter converts).</param>
/// <param name="Value">The current canonical value.</param>
/// <param name="Label">The label, already in the user's language.</param>
/// <param name="Required">The form cannot be sent without a period.</param>
/// <param name="Choices">Canonical periods offered as suggestions (the periods that hold data), newest first.</param>
public sealed record PeriodInputView(string Name, string? Value, string Label, bool Required = false, IReadOnlyList<string>? Choices = null);

/// <summary>What <c>_RegionInput</c> draws: a text box named <paramref name="Name"/> that takes a code or a name, with
/// suggestions from <c>/api/regions/suggest</c> as the user types.</summary>
/// <param name="Name">The query key (and the page property the filter converts).</param>
/// <param name="Value">The current value (a code, or codes separated by commas).</param>
/// <param name="Label">The label, already in the user's language.</param>
/// <param name="Multiple">Several regions separated by commas (the suggestions complete the last one).</param>
/// <param name="Size">The box's width in characters.</param>
/// <param name="Required">The form cannot be sent without a region.</param>
public sealed record RegionInputView(string Name, string? Value, string Label, bool Multiple = false, int Size = 16, bool Required = false);
