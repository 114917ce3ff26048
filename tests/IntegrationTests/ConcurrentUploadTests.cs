using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.IntegrationTests.Generated;
using Xunit.Abstractions;

namespace Platform.IntegrationTests;

/// <summary>
/// Each upload is bounded on its own (HostileSheetTests); this holds their sum: many large uploads at once leave a
/// service below its memory bound, each answered, none with a 500.
/// </summary>
[Collection(SuiteCollection.Name)]
public class ConcurrentUploadTests(SuiteFixture suite, ITestOutputHelper output)
{
    private const long MemoryBound = 1L << 30;

    [Fact]
    public async Task Twelve_uploads_of_a_million_shared_strings_at_once_stay_within_the_services_memory()
    {
        var workbook = MillionSharedStrings();
        using var gateway = suite.ClientFor("gateway", suite.TokenFor("120106", Roles.Planner));
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakAsync(sampling.Token);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            var file = new ByteArrayContent(workbook);
            file.Headers.ContentType = new MediaTypeHeaderValue(XlsxWriter.ContentType);
            using var response = await gateway.PostAsync("/api/planning/births/import?dryRun=true",
                new MultipartFormDataContent { { file, "file", "births.xlsx" } });
            return response.StatusCode;
        }));
        await sampling.CancelAsync();
        var most = await peak;

        output.WriteLine($"{workbook.Length / 1024} KB each; answers {string.Join(", ", answers)}; Planning at most {most >> 20} MB");
        Assert.All(answers,
            status => Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests }));
        Assert.Contains(HttpStatusCode.OK, answers);
        Assert.True(most < MemoryBound, $"Planning held {most >> 20} MB");
    }

    /// <summary>Planning's resident memory, sampled until cancelled: the most it held while the uploads were read.</summary>
    private async Task<long> SamplePeakAsync(CancellationToken stop)
    {
        long most = 0;
        while (!stop.IsCancellationRequested)
        {
            most = Math.Max(most, Requests.ResidentBytes(suite, "planning"));
            await Task.Delay(20, CancellationToken.None);
        }
        return most;
    }

    /// <summary>A births workbook with its header row and a million shared strings nobody uses: small zipped, large read.</summary>
    private static byte[] MillionSharedStrings()
    {
        using var stream = new MemoryStream();
        stream.Write(XlsxWriter.Write("出生", ["区划代码", "年份", "出生人口"], []));
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var strings = document.WorkbookPart!.AddNewPart<SharedStringTablePart>();
            using var writer = OpenXmlWriter.Create(strings);
            writer.WriteStartElement(new SharedStringTable());
            for (var i = 0; i < 999_000; i++)
                writer.WriteElement(new SharedStringItem(new Text("学")));
            writer.WriteEndElement();
        }
        return stream.ToArray();
    }
}
