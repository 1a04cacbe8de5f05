using System.Text;

namespace CrmStateSync.Output;

/// <summary>Where a command's UTF-8 output goes: the process's stdout as bytes, or a <see cref="TextWriter"/>.</summary>
public abstract class OutputSink
{
    public abstract void Write(ReadOnlySpan<byte> utf8);

    public abstract void Flush();

    /// <summary>Bytes straight to a stream: stdout when it is the console's (its writer hands the OS 256 chars at a time).</summary>
    public static OutputSink To(Stream stream) => new StreamSink(stream);

    /// <summary>Decoded to a writer (tests capture the output in a <see cref="StringWriter"/>).</summary>
    public static OutputSink To(TextWriter writer) => new WriterSink(writer);

    private sealed class StreamSink(Stream stream) : OutputSink
    {
        public override void Write(ReadOnlySpan<byte> utf8) => stream.Write(utf8);

        public override void Flush() => stream.Flush();
    }

    private sealed class WriterSink(TextWriter writer) : OutputSink
    {
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
        private readonly char[] _chars = new char[1 << 16];

        public override void Write(ReadOnlySpan<byte> utf8)
        {
            while (!utf8.IsEmpty)
            {
                _decoder.Convert(utf8, _chars, flush: false, out var used, out var count, out _);
                writer.Write(_chars.AsSpan(0, count));
                utf8 = utf8[used..];
            }
        }

        public override void Flush() => writer.Flush();
    }
}
