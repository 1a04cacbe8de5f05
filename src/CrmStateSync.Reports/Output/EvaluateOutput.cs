using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Snapshots;

namespace CrmStateSync.Output;

/// <summary>
/// Writes evaluation results as they are computed. Each result is flushed from the <see cref="Utf8JsonWriter"/> as it
/// ends, and handed to the output every <see cref="ChunkSize"/> bytes, so memory holds one chunk, not the results.
/// <c>json</c>: one indented document <c>{"asOf", "results": [ … ], "errors": [ … ]}</c>. <c>jsonl</c>: one result per
/// line, compact, each the same object as an item of <c>results</c>; the problems go to stderr only.
/// </summary>
public sealed class EvaluateOutput : IDisposable
{
    /// <summary>Bytes gathered before they are written out: 64 KiB.</summary>
    public const int ChunkSize = 1 << 16;

    private static readonly JavaScriptEncoder Relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly ArrayBufferWriter<byte> _buffer = new(2 * ChunkSize);
    private readonly Utf8JsonWriter _w;
    private readonly OutputSink _output;
    private readonly bool _lines;

    public EvaluateOutput(OutputSink output, string format, DateOnly asOf)
    {
        _output = output;
        _lines = format == "jsonl";
        _w = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = !_lines, Encoder = Relaxed });
        if (!_lines)
        {
            _w.WriteStartObject();
            _w.WriteString("asOf", ResultJsonWriter.Iso(asOf));
            _w.WriteStartArray("results");
        }
    }

    public void Result(AccountSnapshot snapshot, EvaluationResult result)
    {
        ResultJsonWriter.WriteResult(_w, snapshot, result);
        _w.Flush();
        if (_lines)
        {
            _buffer.Write("\n"u8);
            _w.Reset();
        }

        if (_buffer.WrittenCount >= ChunkSize)
        {
            WriteOut();
        }
    }

    /// <summary>Ends the document with the input problems (json) and writes out what is left.</summary>
    public void Finish(IReadOnlyList<InputProblem> problems)
    {
        if (!_lines)
        {
            _w.WriteEndArray();
            ResultJsonWriter.WriteProblems(_w, problems);
            _w.WriteEndObject();
            _w.Flush();
            _buffer.Write(Encoding.UTF8.GetBytes(Environment.NewLine));
        }

        WriteOut();
        _output.Flush();
    }

    public void Dispose() => _w.Dispose();

    private void WriteOut()
    {
        _output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
