using System.IO.Compression;
using System.Xml;
using Microsoft.Extensions.Hosting;
using static Platform.BuildingBlocks.Spreadsheets.SheetReader;

namespace Platform.BuildingBlocks.Spreadsheets;

/// <summary>
/// Looks through an xlsx package with ZipArchive and XmlReader before the OpenXML SDK opens it, so that the SDK is
/// given only a package whose parts, expanded size and XML are within the limits: a zip bomb is stopped while it
/// inflates, whatever sizes the zip declares; a DTD is refused before anything in it is expanded; and no XML node is
/// larger than a reader may buffer.
/// </summary>
internal static class XlsxPackage
{
    public static readonly UserText NotAnXlsx = new UserText("文件不是有效的 xlsx 工作簿（可能已损坏、不完整或设置了打开密码）：",
        "The file is not a valid xlsx workbook (it may be damaged, incomplete or password-protected).") + SaveAgain;

    private static readonly UserText TooLarge = new UserText($"文件解压后超过 {MaxExpandedBytes / 1024 / 1024} MB，超出导入上限：",
        $"Unpacked, the file is over {MaxExpandedBytes / 1024 / 1024} MB, beyond the import's limit.") + SplitIt;

    public static void Check(Stream package)
    {
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxParts)
                throw new SheetFormatException(new($"文件中的部件超过 {MaxParts:N0} 个，不是可导入的 xlsx 工作簿。",
                    $"The file has over {MaxParts:N0} parts: not an xlsx workbook that can be imported."));
            // Each declared size is capped before adding, so that forged sizes cannot overflow the sum.
            if (zip.Entries.Sum(entry => Math.Min(entry.Length, MaxExpandedBytes + 1)) > MaxExpandedBytes)
                throw new SheetFormatException(TooLarge);
            var expansion = new Expansion();
            foreach (var entry in zip.Entries)
                Check(entry, expansion);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            throw new SheetFormatException(NotAnXlsx);
        }
        package.Position = 0;
    }

    private static void Check(ZipArchiveEntry entry, Expansion expansion)
    {
        using var content = new ReadCounter(entry.Open(), bytes => expansion.Add(entry, bytes));
        if (IsXml(entry))
            CheckXml(entry, content);
        else
            content.CopyTo(Stream.Null);
    }

    /// <summary>The parts the reader may read. VML drawings are left out: Excel writes them as loose HTML.</summary>
    private static bool IsXml(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || IsIndex(entry);

    /// <summary>The parts System.IO.Packaging loads whole when the package is opened.</summary>
    private static bool IsIndex(ZipArchiveEntry entry) =>
        entry.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)
        || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads a part through as XML: well-formed, without a DTD, and no node needing more than MaxXmlNodeBytes. The
    /// reader asks for more input (4 KB at a time) only to finish a node, so what it reads between two nodes is
    /// about the size of the second; a longer node, such as a 50 MB attribute, is stopped before it is buffered.
    /// </summary>
    private static void CheckXml(ZipArchiveEntry entry, Stream content)
    {
        long read = 0, atLastNode = 0;
        using var nodes = new ReadCounter(content, bytes =>
        {
            read += bytes;
            if (read - atLastNode > MaxXmlNodeBytes)
                throw new SheetFormatException(new(
                    $"文件中的 {Quoted(entry.FullName)} 有超过 {MaxXmlNodeBytes / 1024 / 1024} MB 的单个 XML 节点，超出导入上限。",
                    $"{Quoted(entry.FullName)} in the file has an XML node over {MaxXmlNodeBytes / 1024 / 1024} MB, beyond the limit."));
        });
        var inProlog = true;
        try
        {
            using var reader = XmlReader.Create(nodes, Settings(DtdProcessing.Prohibit));
            while (reader.Read())
            {
                atLastNode = read;
                inProlog &= reader.NodeType != XmlNodeType.Element;
            }
        }
        catch (XmlException) when (inProlog && HasDtd(entry))
        {
            throw new SheetFormatException(new UserText($"文件中的 {Quoted(entry.FullName)} 含有 DTD（<!DOCTYPE>），出于安全原因不予读取：",
                $"{Quoted(entry.FullName)} in the file has a DTD (<!DOCTYPE>), which is not read for safety.") + SaveAgain);
        }
        catch (XmlException e)
        {
            throw new SheetFormatException(new UserText($"文件中的 {Quoted(entry.FullName)} 不是格式正确的 XML（第 {e.LineNumber} 行）：",
                $"{Quoted(entry.FullName)} in the file is not well-formed XML (line {e.LineNumber}).") + SaveAgain);
        }
    }

    /// <summary>
    /// Whether the prolog that Prohibit refused holds a DTD: Ignore differs from Prohibit only there, and skips a
    /// DTD unread. Read no further than MaxXmlNodeBytes, since the prolog is not bounded by node size.
    /// </summary>
    private static bool HasDtd(ZipArchiveEntry entry)
    {
        long read = 0;
        using var prolog = new ReadCounter(entry.Open(), bytes =>
        {
            if ((read += bytes) > MaxXmlNodeBytes)
                throw new XmlException();
        });
        using var reader = XmlReader.Create(prolog, Settings(DtdProcessing.Ignore));
        try
        {
            return reader.MoveToContent() == XmlNodeType.Element;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static XmlReaderSettings Settings(DtdProcessing dtd) => new() { DtdProcessing = dtd, XmlResolver = null };

    /// <summary>What the parts have inflated to so far, counted as they are read.</summary>
    private sealed class Expansion
    {
        private long total;
        private long index;

        public void Add(ZipArchiveEntry entry, int bytes)
        {
            total += bytes;
            if (total > MaxExpandedBytes)
                throw new SheetFormatException(TooLarge);
            if (!IsIndex(entry))
                return;
            index += bytes;
            if (index > MaxPackageIndexBytes)
                throw new SheetFormatException(new(
                    $"文件的内容类型和关系部件超过 {MaxPackageIndexBytes / 1024 / 1024} MB，超出导入上限。",
                    $"The file's content types and relationships are over {MaxPackageIndexBytes / 1024 / 1024} MB, beyond the limit."));
        }
    }

    /// <summary>A forward-only read of another stream that reports the bytes of every read as they pass.</summary>
    private sealed class ReadCounter(Stream inner, Action<int> passed) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var bytes = inner.Read(buffer, offset, count);
            passed(bytes);
            return bytes;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
