using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.Bench;

/// <summary>
/// Planning's API answer time for one district, through the gateway: a city-sized district (125 schools, the city's
/// 2,000 over 16 districts) registered and imported through the APIs, then each request sent one at a time after
/// warm-up requests that are left out of the figures.
/// </summary>
public static class PlanningApi
{
    private const string District = "120116";
    private const int Zones = 10;
    private const int SchoolsPerZone = 12; // with 5 kindergartens and 12-year schools: 125 schools in all

    public static async Task<Section> RunAsync(int requests)
    {
        await using var app = await BenchSuite.StartAsync();
        using var gateway = await app.SignedInGatewayAsync();
        var schools = await SeedAsync(gateway);

        var housing = new { yieldPerDwelling = new Dictionary<string, double> { ["primary"] = 0.12 }, maturation = new[] { 0.5, 1.0 } };
        string[][] rows =
        [
            await MeasureAsync(gateway, "Forecast, zone level, 15 years",
                "/api/planning/forecasts", new { districtCode = District, horizon = 15 }, requests),
            await MeasureAsync(gateway, "Capacity analysis, 15 years (with the facility pipeline)",
                "/api/planning/forecasts/capacity", new { districtCode = District, horizon = 15 }, requests),
            await MeasureAsync(gateway,
                "Capacity analysis, 15 years, high variant (a back-test runs inside), housing on, proposed projects counted",
                "/api/planning/forecasts/capacity",
                new { districtCode = District, horizon = 15, variant = "high", housing, facilityProjects = "proposed" },
                requests),
        ];
        return new Section("Planning's API answer for one district", $"""
            `bench/Bench planning-api --requests {requests}`: the suite started, and one city-sized district built through the
            gateway's APIs: {schools} schools (the city's 2,000 over 16 districts) in {Zones} zones, kindergartens, primary,
            junior and senior schools, enrolment 2016-2025 and births 2001-2025. Each request is sent {requests} times, one at
            a time, after 10 warm-up requests, and timed at the client through the gateway: loading the district from
            PostgreSQL, the engine and the JSON answer.

            {Section.Table(["what", "target", "measured"], rows)}
            """);
    }

    private static async Task<string[]> MeasureAsync(HttpClient gateway, string what, string path, object body, int requests)
    {
        for (var i = 0; i < 10; i++)
            (await gateway.PostAsJsonAsync(path, body)).EnsureSuccessStatusCode();
        var times = new List<double>();
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await gateway.PostAsJsonAsync(path, body);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }
        times.Sort();
        return [what, "< 300 ms",
            $"p50 {Machine.Percentile(times, 50):0.0} ms, p95 {Machine.Percentile(times, 95):0.0} ms, max {times[^1]:0.0} ms"];
    }

    /// <summary>Zones of kindergartens, primary, junior and senior schools with ten years of enrolment, through the import APIs.</summary>
    private static async Task<int> SeedAsync(HttpClient gateway)
    {
        var random = new Random(7);
        var enrolment = new StringBuilder("学校编号,年级,学年,在校生数\n");
        var count = 0;
        for (var z = 0; z < Zones; z++)
        {
            var zone = await PostAsync(gateway, $"/api/planning/districts/{District}/zones", new { name = $"基准学区{z + 1}" });
            for (var s = 0; s < SchoolsPerZone + (z < 5 ? 1 : 0); s++)
            {
                string[] stages = (s % 4) switch
                {
                    0 => ["kindergarten"],
                    1 or 2 => ["primary"],
                    _ => s == 11 ? ["junior_secondary", "senior_secondary"] : ["junior_secondary"],
                };
                var id = await PostAsync(gateway, "/api/planning/schools", new
                {
                    name = $"基准{z + 1}-{s + 1}校", districtCode = District, zoneId = zone, ownership = "public", status = "open",
                    stages = stages.Select(stage => new
                    {
                        stage, classesPerGrade = Enumerable.Repeat(4, stage == "primary" ? 6 : 3).ToArray()
                    }),
                });
                count++;
                foreach (var stage in stages)
                    foreach (var grade in Grades(stage))
                        for (var year = 2016; year <= 2025; year++)
                            enrolment.Append($"{id},{grade},{year},{150 + random.Next(40)}\n");
            }
        }
        await UploadAsync(gateway, "/api/planning/births/import",
            "区划代码,年份,出生人口\n" +
            string.Join("\n", Enumerable.Range(2001, 25).Select(y => $"{District},{y},{9000 + random.Next(1500)}")));
        await UploadAsync(gateway, "/api/planning/enrolment/import", enrolment.ToString());
        return count;
    }

    private static string[] Grades(string stage) => stage switch
    {
        "kindergarten" => ["小班", "中班", "大班"],
        "primary" => ["1", "2", "3", "4", "5", "6"],
        "junior_secondary" => ["7", "8", "9"],
        _ => ["10", "11", "12"],
    };

    private static async Task<Guid> PostAsync(HttpClient gateway, string path, object body)
    {
        var response = await gateway.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task UploadAsync(HttpClient gateway, string path, string csv)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "bench.csv" } };
        var response = await gateway.PostAsync(path, form);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
