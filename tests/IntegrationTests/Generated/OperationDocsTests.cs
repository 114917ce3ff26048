using System.Text.RegularExpressions;

namespace Platform.IntegrationTests.Generated;

/// <summary>
/// Every operation of the services' OpenAPI documents says what it does: a summary in Chinese, the words its users
/// say, and a description in English. An endpoint added later without them fails here.
/// </summary>
[Collection(SuiteCollection.Name)]
public partial class OperationDocsTests(SuiteFixture suite)
{
    [Fact]
    public async Task Every_operation_is_summarised_in_chinese_and_described_in_english()
    {
        var operations = await ServiceDocuments.ReadAsync(suite);
        var undocumented = operations
            .Where(o => o.Summary is null || !Chinese().IsMatch(o.Summary) || o.Description is null || !English().IsMatch(o.Description))
            .Select(o => o.ToString()).ToList();

        Assert.True(operations.Count > 100, "the documents list the services' operations");
        Assert.Empty(undocumented);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"[A-Za-z]{3,} [A-Za-z]{2,}")]
    private static partial Regex English();
}
