using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.UnitTests.Spreadsheets;

/// <summary>
/// Files made to hurt the reader, built here part by part. Each is refused with a <see cref="SheetFormatException"/>,
/// which the imports answer with a 400 naming the problem, and the ones that expand are refused without the memory
/// they ask for.
/// </summary>
public class HostileSheetTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Reading any file below this bound would have cost gigabytes without the limits.</summary>
    private const long AllocationBound = 64 * 1024 * 1024;

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        """;

    private const string FirstRow =
        """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>年份</t></is></c></row>""";

    /// <summary>The parts of a small, valid workbook: one worksheet and a shared string table.</summary>
    private static Dictionary<string, string> Workbook(string sheetData = FirstRow) => new()
    {
        ["[Content_Types].xml"] = """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
              <Default Extension="xml" ContentType="application/xml"/>
              <Override PartName="/xl/workbook.xml"
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
              <Override PartName="/xl/worksheets/sheet1.xml"
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
              <Override PartName="/xl/sharedStrings.xml"
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            </Types>
            """,
        ["_rels/.rels"] = $$"""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId1" Type="{{Relationships}}/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>
            """,
        ["xl/workbook.xml"] = $$"""
            <workbook xmlns="{{Main}}" xmlns:r="{{Relationships}}">
              <sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets>
            </workbook>
            """,
        ["xl/_rels/workbook.xml.rels"] = $$"""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId1" Type="{{Relationships}}/worksheet" Target="worksheets/sheet1.xml"/>
              <Relationship Id="rId2" Type="{{Relationships}}/sharedStrings" Target="sharedStrings.xml"/>
            </Relationships>
            """,
        ["xl/worksheets/sheet1.xml"] = $"""<worksheet xmlns="{Main}"><sheetData>{sheetData}</sheetData></worksheet>""",
        ["xl/sharedStrings.xml"] = $"""<sst xmlns="{Main}"><si><t>区划代码</t></si></sst>""",
    };

    /// <summary>
    /// The parts zipped; <paramref name="generated"/> names a part written piece by piece, so that a test can make
    /// a part of hundreds of megabytes without holding it.
    /// </summary>
    private static byte[] Package(
        Dictionary<string, string> parts, (string Name, Action<TextWriter> Write)? generated = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
                Write(zip, name, writer => writer.Write(content));
            if (generated is var (generatedName, write))
                Write(zip, generatedName, write);
        }
        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open());
        write(writer);
    }

    /// <summary>A workbook whose <paramref name="part"/> is <paramref name="unit"/> repeated, after a head.</summary>
    private static byte[] Repeated(string part, string head, string unit, int times, string tail)
    {
        var parts = Workbook();
        parts.Remove(part);
        Action<TextWriter> write = writer =>
        {
            writer.Write(head);
            for (var i = 0; i < times; i++)
                writer.Write(unit);
            writer.Write(tail);
        };
        return Package(parts, (part, write));
    }

    private static IReadOnlyList<SheetRow> Read(byte[] file, string fileName = "hostile.xlsx") =>
        SheetReader.Read(new MemoryStream(file), fileName);

    /// <summary>Asserts that the file is refused naming <paramref name="problem"/>; answers what reading it allocated.</summary>
    private static long Refused(byte[] file, string problem, string fileName = "hostile.xlsx")
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<SheetFormatException>(() => Read(file, fileName));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains(problem, error.Message);
        return allocated;
    }

    private static string TooManyColumns(int row) => $"第 {row} 行超过 {SheetReader.MaxColumns:N0} 列";

    private static readonly string CellTooLong = $"超过 {SheetReader.MaxCellChars:N0} 个字符";

    [Fact]
    public void Reads_the_workbook_the_tests_break()
    {
        const string secondRow = """<row r="2"><c r="A2"><v>120106</v></c><c r="B2" s="1"/></row>""";
        var rows = Read(Package(Workbook(FirstRow + secondRow)));
        Assert.Equal(["区划代码", "", "年份"], rows[0].Cells);
        Assert.Equal(["120106"], rows[1].Cells); // an empty, formatted cell adds nothing
    }

    [Fact]
    public void Refuses_a_zip_bomb_before_inflating_it()
    {
        // About 200 KB that inflates to 240 MB of shared strings.
        var bomb = Repeated("xl/sharedStrings.xml", $"""<sst xmlns="{Main}">""",
            $"<si><t>{new string('a', 1000)}</t></si>", 240_000, "</sst>");
        Assert.True(bomb.Length < 1024 * 1024);
        Assert.InRange(Refused(bomb, "解压后超过 100 MB"), 0, AllocationBound);
    }

    [Fact]
    public void Refuses_a_zip_bomb_whose_zip_understates_its_size()
    {
        var bomb = Repeated("xl/sharedStrings.xml", $"""<sst xmlns="{Main}">""",
            $"<si><t>{new string('a', 1000)}</t></si>", 240_000, "</sst>");
        var forged = Declaring(bomb, "xl/sharedStrings.xml", size: 1000);
        Assert.InRange(Refused(forged, "xl/sharedStrings.xml"), 0, AllocationBound);
    }

    /// <summary>The zip with the uncompressed size of <paramref name="entry"/> forged in both of its headers.</summary>
    private static byte[] Declaring(byte[] zip, string entry, uint size)
    {
        var forged = zip.ToArray();
        var name = Encoding.UTF8.GetBytes(entry);
        for (var at = 0; at + 46 + name.Length <= forged.Length; at++)
        {
            var (sizeAt, nameAt) = BinaryPrimitives.ReadUInt32LittleEndian(forged.AsSpan(at)) switch
            {
                0x04034b50 => (22, 30), // local file header
                0x02014b50 => (24, 46), // central directory header
                _ => (0, 0),
            };
            if (sizeAt > 0 && forged.AsSpan(at + nameAt, name.Length).SequenceEqual(name))
                BinaryPrimitives.WriteUInt32LittleEndian(forged.AsSpan(at + sizeAt), size);
        }
        return forged;
    }

    [Fact]
    public void Refuses_more_shared_strings_than_the_limit_while_streaming_them()
    {
        // About 40 KB that inflates to 32 MB: within the expanded size, beyond the count of shared strings. The SDK's
        // reader allocates short-lived objects for each element it passes (about 350 bytes a string) up to the
        // limit; loading the table whole, as before, held over a gigabyte.
        var file = Repeated("xl/sharedStrings.xml", $"""<sst xmlns="{Main}">""",
            "<si><t>x</t></si>", 2_000_000, "</sst>");
        var problem = $"共享字符串超过 {SheetReader.MaxSharedStrings:N0} 个";
        Assert.InRange(Refused(file, problem), 0, 8 * AllocationBound);
    }

    [Fact]
    public void Refuses_an_xml_node_larger_than_a_reader_should_buffer()
    {
        var file = Repeated("xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{Main}"><sheetData><row r="1" x=" """,
            "aaaaaaaaaa", 5_000_000, "\"/></sheetData></worksheet>");
        Assert.InRange(Refused(file, "单个 XML 节点"), 0, AllocationBound);
    }

    [Fact]
    public void Refuses_a_sheet_with_more_cells_than_the_limit()
    {
        // Each row's one cell sits in Excel's last column, so it brings 16,383 blanks before it.
        var file = Repeated("xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{Main}"><sheetData>""",
            """<row><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>""", 200, "</sheetData></worksheet>");
        Assert.InRange(Refused(file, "单元格"), 0, AllocationBound);
    }

    [Fact]
    public void Refuses_a_cell_beyond_the_last_column_of_excel() =>
        Refused(Package(Workbook("""<row r="1"><c r="XFE1"><v>1</v></c></row>""")), TooManyColumns(1));


    [Fact]
    public void Refuses_a_cell_longer_than_excel_allows() =>
        Refused(Package(Workbook(
            $"""<row r="1"><c t="inlineStr"><is><t>{new string('长', 40_000)}</t></is></c></row>""")), CellTooLong);

    [Fact]
    public void Refuses_a_cell_naming_a_shared_string_that_does_not_exist() =>
        Refused(Package(Workbook("""<row r="7"><c r="A7" t="s"><v>99</v></c></row>""")), "第 7 行");

    [Theory]
    [InlineData("xl/workbook.xml")]
    [InlineData("xl/sharedStrings.xml")]
    [InlineData("xl/worksheets/sheet1.xml")]
    [InlineData("_rels/.rels")]
    [InlineData("[Content_Types].xml")]
    [InlineData("xl/styles.xml")] // a part the reader never reads
    public void Refuses_a_dtd_in_any_part(string part)
    {
        var parts = Workbook();
        var content = parts.GetValueOrDefault(part, $"""<styleSheet xmlns="{Main}">&lol9;</styleSheet>""");
        parts[part] = BillionLaughs + content;
        Assert.InRange(Refused(Package(parts), $"{part} 含有 DTD"), 0, AllocationBound);
    }

    [Fact]
    public void Refuses_a_workbook_whose_sheet_part_is_missing()
    {
        var parts = Workbook();
        parts.Remove("xl/worksheets/sheet1.xml");
        Refused(Package(parts), "不是有效的 xlsx 工作簿");
    }

    [Fact]
    public void Refuses_a_broken_sheet_link()
    {
        var parts = Workbook();
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].Replace("r:id=\"rId1\"", "r:id=\"rId9\"");
        Refused(Package(parts), "第一个工作表「表」指向的内容不存在");
    }

    [Fact]
    public void Refuses_a_first_sheet_that_is_not_a_worksheet()
    {
        var parts = Workbook();
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].Replace("r:id=\"rId1\"", "r:id=\"rId2\"");
        Refused(Package(parts), "不是数据表");
    }

    [Fact]
    public void Refuses_a_workbook_without_sheets()
    {
        var parts = Workbook();
        parts["xl/workbook.xml"] = $"""<workbook xmlns="{Main}"><sheets/></workbook>""";
        Refused(Package(parts), "没有工作表");
    }

    [Fact]
    public void Refuses_a_sheet_hidden_from_the_checks_under_another_name()
    {
        var parts = Workbook();
        parts["xl/worksheets/sheet1.bin"] = parts["xl/worksheets/sheet1.xml"];
        parts.Remove("xl/worksheets/sheet1.xml");
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].Replace("sheet1.xml", "sheet1.bin");
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].Replace("sheet1.xml", "sheet1.bin");
        Refused(Package(parts), "不是 .xml 部件");
    }

    [Fact]
    public void Refuses_malformed_xml_naming_the_part() =>
        Refused(Package(Workbook("<row><c></row>")), "xl/worksheets/sheet1.xml 不是格式正确的 XML");

    [Fact]
    public void Refuses_a_package_of_too_many_parts()
    {
        var parts = Workbook();
        for (var i = 0; i < SheetReader.MaxParts; i++)
            parts[$"xl/media/image{i}.png"] = "";
        Refused(Package(parts), $"部件超过 {SheetReader.MaxParts:N0} 个");
    }

    [Fact]
    public void Refuses_relationships_beyond_what_is_loaded_whole()
    {
        var parts = Workbook();
        var relationship = $$"""
            <Relationship Id="rId{0}" Type="{{Relationships}}/hyperlink"
              Target="https://example.com/{0}" TargetMode="External"/>
            """;
        parts["xl/worksheets/_rels/sheet1.xml.rels"] =
            """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
            + string.Concat(Enumerable.Range(1, 30_000).Select(i => string.Format(relationship, i)))
            + "</Relationships>";
        Refused(Package(parts), "关系部件超过 4 MB");
    }

    [Theory]
    [InlineData("not a workbook")]
    [InlineData("PK\u0003\u0004 and then nothing a zip needs")]
    public void Refuses_a_file_that_is_not_a_zip(string content) =>
        Refused(Encoding.UTF8.GetBytes(content), "不是有效的 xlsx 工作簿");

    [Fact]
    public void Refuses_a_zip_that_is_not_a_workbook() =>
        Refused(Package(new Dictionary<string, string> { ["readme.txt"] = "hello" }), "找不到工作簿");

    [Fact]
    public void Refuses_every_truncation_of_a_workbook()
    {
        var file = XlsxWriter.Write("表", ["区划代码", "年份"], [["120106", 2020]]);
        for (var length = 0; length < file.Length; length++)
            Assert.Throws<SheetFormatException>(() => Read(file[..length]));
    }

    private static readonly Dictionary<string, string> WorkbookWithEveryKindOfCell = Workbook(FirstRow
        + """<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" s="3"><f>1+1</f><v>2</v></c></row>""");

    /// <summary>
    /// Parts with characters replaced, dropped or doubled at random (seeded, so a failure repeats): each file is read
    /// or refused with a <see cref="SheetFormatException"/>, never anything else.
    /// </summary>
    [Fact]
    public void Reads_or_refuses_every_damaged_workbook()
    {
        var random = new Random(14);
        const string damage = "<>/=\"&;:x0 ";
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var parts = new Dictionary<string, string>(WorkbookWithEveryKindOfCell);
            var name = parts.Keys.ElementAt(random.Next(parts.Count));
            var text = new StringBuilder(parts[name]);
            for (var change = random.Next(1, 4); change > 0; change--)
            {
                var at = random.Next(text.Length);
                _ = random.Next(3) switch
                {
                    0 => text.Remove(at, 1),
                    1 => text.Insert(at, text[at]),
                    _ => text.Remove(at, 1).Insert(at, damage[random.Next(damage.Length)]),
                };
            }
            parts[name] = text.ToString();
            ReadsOrRefuses(parts, $"{name} as {parts[name]}");
        }
    }

    /// <summary>
    /// Every attribute value and text of every part replaced in turn by values that break links, types and
    /// references: each file is read or refused with a <see cref="SheetFormatException"/>, never anything else.
    /// </summary>
    [Fact]
    public void Reads_or_refuses_every_workbook_with_a_value_replaced()
    {
        string[] replacements =
        [
            "", "%zz", "/", "../../x.xml", "//host/x", "#x", "rId2", "-1", "2147483648", "s", "inlineStr", "b", "XFE1",
            "/xl/workbook.xml", "text/plain",
        ];
        foreach (var (name, text) in WorkbookWithEveryKindOfCell)
            foreach (Match match in Regex.Matches(text, "=\"([^\"]*)\"|>([^<]+)<"))
            {
                var value = match.Groups[1].Success ? match.Groups[1] : match.Groups[2];
                foreach (var replacement in replacements)
                {
                    var parts = new Dictionary<string, string>(WorkbookWithEveryKindOfCell)
                    {
                        [name] = text[..value.Index] + replacement + text[(value.Index + value.Length)..],
                    };
                    ReadsOrRefuses(parts, $"{name}: {match.Value} as {replacement}");
                }
            }
    }

    private static void ReadsOrRefuses(Dictionary<string, string> parts, string change)
    {
        var error = Record.Exception(() => Read(Package(parts)));
        Assert.True(error is null or SheetFormatException, $"{change}: {error}");
    }

    [Fact]
    public void Refuses_a_csv_record_longer_than_the_limit_without_parsing_it_whole()
    {
        // Before the limit, CsvHelper took 500 MB for each million characters of a first record.
        var commas = Encoding.UTF8.GetBytes(new string(',', 4 * 1024 * 1024));
        Assert.InRange(Refused(commas, "一行超过", "births.csv"), 0, AllocationBound);
    }

    [Fact]
    public void Refuses_a_csv_wider_than_excel() =>
        Refused(Encoding.UTF8.GetBytes(string.Join(",", Enumerable.Repeat("1", 16_385))), TooManyColumns(1),
            "births.csv");

    [Fact]
    public void Refuses_a_csv_with_more_cells_than_the_limit()
    {
        var row = string.Join(",", Enumerable.Repeat("1", 10_001)) + "\n";
        var file = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(row, 200)));
        Refused(file, $"{SheetReader.MaxCells:N0} 个单元格", "births.csv");
    }

    [Fact]
    public void Refuses_a_csv_cell_longer_than_excel_allows() =>
        Refused(Encoding.UTF8.GetBytes("a,b\n1," + new string('x', 40_000) + "\n"), CellTooLong, "births.csv");

    [Theory]
    [InlineData("births.csv")]
    [InlineData("births.xlsx")]
    public void Refuses_a_file_larger_than_an_upload_may_be(string fileName) =>
        Refused(new byte[SheetReader.MaxFileBytes + 1], "超过 10 MB", fileName);
}
