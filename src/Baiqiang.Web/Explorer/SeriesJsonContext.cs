using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baiqiang.Web.Explorer;

/// <summary>
/// System.Text.Json source generation for the series response (<see cref="SeriesResponse"/>, its points and joins): the
/// serialiser's metadata is compiled rather than built by reflection, and with the app's options (web defaults, no
/// custom encoder or converters) writing takes the generated fast path. It is never used with its own options:
/// <see cref="ObservationsApi.SeriesTypeInfo"/> binds it to a copy of the app's JSON options, so naming, escaping,
/// number and null handling, and therefore the bytes and their ETag, are the reflection serialiser's.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SeriesResponse))]
internal sealed partial class SeriesJsonContext : JsonSerializerContext;
