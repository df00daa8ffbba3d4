using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// A set of participant keys, stored sorted and serialised as one Base64 string of the gaps between keys (variable-length
/// integers): 100,000 consecutive ids take about 130 KB of JSON instead of 700 KB.
/// </summary>
[JsonConverter(typeof(ParticipantKeySetJsonConverter))]
public sealed class ParticipantKeySet
{
    public static readonly ParticipantKeySet Empty = new([]);

    private readonly long[] _sorted;

    private ParticipantKeySet(long[] sorted) => _sorted = sorted;

    public int Count => _sorted.Length;

    public ReadOnlySpan<long> Keys => _sorted;

    public static ParticipantKeySet Of(IEnumerable<long> keys)
    {
        var sorted = keys.Distinct().ToArray();
        Array.Sort(sorted);
        return new ParticipantKeySet(sorted);
    }

    public bool Contains(long key) => Array.BinarySearch(_sorted, key) >= 0;

    /// <summary>The first key as it is (zig-zag, so a negative key stays short), then each gap to the next.</summary>
    public string Pack()
    {
        var bytes = new ArrayBufferWriter<byte>(_sorted.Length * 2 + 10);
        var previous = 0L;
        for (var i = 0; i < _sorted.Length; i++)
        {
            var value = i == 0 ? (ulong)((_sorted[0] << 1) ^ (_sorted[0] >> 63)) : (ulong)(_sorted[i] - previous);
            previous = _sorted[i];
            var span = bytes.GetSpan(10);
            var n = 0;
            while (value >= 0x80)
            {
                span[n++] = (byte)(value | 0x80);
                value >>= 7;
            }
            span[n++] = (byte)value;
            bytes.Advance(n);
        }
        return Convert.ToBase64String(bytes.WrittenSpan);
    }

    public static ParticipantKeySet Unpack(string packed)
    {
        var bytes = Convert.FromBase64String(packed);
        var keys = new List<long>(bytes.Length);
        var position = 0;
        var previous = 0L;
        while (position < bytes.Length)
        {
            ulong value = 0;
            var shift = 0;
            byte b;
            do
            {
                if (position == bytes.Length || shift > 63)
                {
                    throw new FormatException("The packed participant keys are cut short.");
                }
                b = bytes[position++];
                value |= (ulong)(b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);
            previous = keys.Count == 0 ? (long)(value >> 1) ^ -(long)(value & 1) : previous + (long)value;
            keys.Add(previous);
        }
        return new ParticipantKeySet([.. keys]);
    }
}

/// <summary>Reads and writes a <see cref="ParticipantKeySet"/> as its packed string.</summary>
public sealed class ParticipantKeySetJsonConverter : JsonConverter<ParticipantKeySet>
{
    public override ParticipantKeySet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ParticipantKeySet.Unpack(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, ParticipantKeySet value, JsonSerializerOptions options) => writer.WriteStringValue(value.Pack());
}
