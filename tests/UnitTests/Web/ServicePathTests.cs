using Platform.Web.Api;

namespace Platform.UnitTests.Web;

public sealed class ServicePathTests
{
    private static readonly Uri Planning = new("http://127.0.0.1:5101");

    [Theory]
    [InlineData("/schools")]
    [InlineData("/")]
    [InlineData("/plans/hebei-14/progress/export")]
    [InlineData("/schools?districtCode=120106&search=%E7%BA%A2")]
    [InlineData("/teachers?search=a//b/../c")] // a query value is not a path
    public void A_path_of_the_service_goes_to_the_service(string path)
    {
        var resolved = ServicePath.Resolve(Planning, path);
        Assert.Equal("127.0.0.1:5101", resolved.Authority);
        Assert.Equal(path.Split('?')[0], resolved.AbsolutePath);
    }

    [Theory]
    [InlineData("//127.0.0.1:18999/export")]
    [InlineData("///evil.example/export")]
    [InlineData("/\\evil.example/export")]
    [InlineData("\\\\evil.example/export")]
    [InlineData("http://evil.example/export")]
    [InlineData("javascript:alert(1)")]
    [InlineData("schools")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("/plans/../admin")]
    [InlineData("/plans/./x")]
    [InlineData("/plans/%2e%2e/admin")]
    [InlineData("/plans/%2E%2E%2Fadmin")]
    [InlineData("/plans/x%5C..%5Cadmin")]
    [InlineData("/plans//x")]
    [InlineData("/plans/x#fragment")]
    [InlineData("/plans/x\r\nHost: evil.example")]
    public void Anything_else_is_refused_before_a_request_is_made(string? path)
    {
        Assert.False(ServicePath.IsServiceRelative(path));
        Assert.Throws<ArgumentException>(() => ServicePath.Resolve(Planning, path));
    }

    [Fact]
    public void A_base_path_is_kept_and_cannot_be_left()
    {
        var underPath = new Uri("http://10.0.0.5:8080/planning/");
        Assert.Equal("http://10.0.0.5:8080/planning/schools?x=1", ServicePath.Resolve(underPath, "/schools?x=1").AbsoluteUri);
        Assert.False(ServicePath.StaysUnder(underPath, new Uri("http://10.0.0.5:8080/workforce/teachers")));
        Assert.False(ServicePath.StaysUnder(underPath, new Uri("http://10.0.0.5:8081/planning/schools")));
        Assert.False(ServicePath.StaysUnder(underPath, new Uri("https://10.0.0.5:8080/planning/schools")));
    }
}
