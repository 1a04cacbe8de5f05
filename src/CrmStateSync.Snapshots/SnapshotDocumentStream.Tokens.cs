using System.Text.Json;
using CrmStateSync.Rules.Model;
using CrmStateSync.Snapshots.Direct;

namespace CrmStateSync.Snapshots;

/// <summary>The token level: each step reads from the window with the state the previous step left, and refills the
/// window when a token or an account does not fit yet.</summary>
internal sealed partial class SnapshotDocumentStream
{
    /// <summary>A token read: its type, its depth, and its text for a property name or a string.</summary>
    private readonly record struct Token(JsonTokenType Type, int Depth, string? Text);

    /// <summary>The next token, or <see cref="JsonTokenType.None"/> at the end of the input.</summary>
    private Token NextToken()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_window.Span, _window.IsFinal, _state);
            if (reader.Read())
            {
                var text = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
                var token = new Token(reader.TokenType, reader.CurrentDepth, text);
                Commit(ref reader);
                return token;
            }

            if (!_window.Fill())
            {
                return default;
            }
        }
    }

    /// <summary>Skips what follows an object or array start just read, token by token, so a big value is never held.</summary>
    private void SkipContainer(Token start)
    {
        if (start.Type is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        while (true)
        {
            var reader = new Utf8JsonReader(_window.Span, _window.IsFinal, _state);
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == start.Depth)
                {
                    Commit(ref reader);
                    return;
                }
            }

            Commit(ref reader);
            if (!_window.Fill())
            {
                return;
            }
        }
    }

    /// <summary>
    /// The bytes of the array's next element (valid until the next step), or false at the array's end; with the
    /// account itself when the direct mapping took it in the same pass (else it is found with <c>TrySkip</c> and
    /// mapped the strict way).
    /// </summary>
    private bool NextElement(out ReadOnlyMemory<byte> element, out AccountSnapshot? snapshot)
    {
        snapshot = null;
        while (true)
        {
            var reader = new Utf8JsonReader(_window.Span, _window.IsFinal, _state);
            if (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    Commit(ref reader);
                    element = default;
                    return false;
                }

                var start = (int)reader.TokenStartIndex;
                if (reader.TokenType == JsonTokenType.StartObject && _direct is not null
                    && _direct.TryMap(ref reader, _window.Memory(0, _window.Span.Length), out snapshot) == DirectOutcome.Mapped)
                {
                    element = _window.Memory(start, (int)reader.BytesConsumed - start);
                    Commit(ref reader);
                    return true;
                }

                if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip())
                {
                    element = _window.Memory(start, (int)reader.BytesConsumed - start);
                    Commit(ref reader);
                    return true;
                }
            }

            if (!_window.Fill())
            {
                element = default;
                return false;
            }
        }
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        _window.Advance((int)reader.BytesConsumed);
        _state = reader.CurrentState;
    }
}
