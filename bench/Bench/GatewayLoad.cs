using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.Bench;

/// <summary>
/// Load through the gateway against the same load sent to Planning directly, in the same run, with wrk (Debian's
/// package): a read mix and a read-write mix, each for throughput (16 connections) and for latency (one connection,
/// so that the p50 is a request's own time and not queueing). Direct and gateway runs alternate, twice each.
/// </summary>
public static partial class GatewayLoad
{
    private const string ReadDistrict = "120106";
    private const string WriteDistrict = "120116";

    /// <param name="Request">The body of wrk's request() in Lua: reads, school, n and prefix are in scope.</param>
    private sealed record Mix(string Name, string Description, string Request);

    private static readonly Mix[] Mixes =
    [
        new("read", "GET the districts and GET 红桥's registry (its 40 schools), in turn",
            "return wrk.format(\"GET\", reads[n % 2 + 1], headers)"),
        new("read-write",
            "the same reads, and one request in five registers a school (a transaction with its SchoolRegistered event " +
            "in the outbox, which Workforce and Facilities then apply)",
            "if n % 5 == 0 then return wrk.format(\"POST\", prefix .. \"/schools\", headers, " +
            "school:gsub(\"NAME\", \"负载学校\" .. (thread_id or 0) .. \"-\" .. n)) end\n" +
            "  return wrk.format(\"GET\", reads[n % 2 + 1], headers)"),
        new("compute", "POST 红桥's capacity analysis five years ahead (the forecast engine on 40 schools' history)",
            "return wrk.format(\"POST\", prefix .. \"/forecasts/capacity\", headers, " +
            "'{\"districtCode\":\"" + ReadDistrict + "\",\"horizon\":5}')"),
    ];

    private sealed record Run(double RequestsPerSecond, double P50, double P99, long Requests);

    public static async Task<Section> RunAsync(int seconds)
    {
        // The gateway's per-address and per-user limits (500 a second by default) would refuse the load itself: lifted
        // for this bench only.
        string[] limits = ["PerSecond", "Burst", "UserPerSecond", "UserBurst"];
        await using var app = await BenchSuite.StartAsync(builder =>
        {
            var gatewayResource = builder.CreateResourceBuilder<ProjectResource>("gateway");
            foreach (var limit in limits)
                gatewayResource.WithEnvironment($"Gateway__RateLimit__{limit}", "1000000");
        });
        await app.LoadDemoDataAsync();
        var gateway = app.Endpoint("gateway");
        var planning = app.Endpoint("planning");
        var gatewayPid = app.Project("gateway").ProcessId!.Value;
        using var client = await app.SignedInGatewayAsync();
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var zone = await client.PostAsJsonAsync($"/api/planning/districts/{WriteDistrict}/zones", new { name = "负载测试学区" });
        zone.EnsureSuccessStatusCode();
        var zoneId = (await zone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var registryBytes = (await client.GetByteArrayAsync($"/api/planning/schools?districtCode={ReadDistrict}")).Length;

        var rows = new List<string[]>();
        var verdicts = new List<string>();
        foreach (var mix in Mixes)
        {
            var direct = Script(mix, "", token, zoneId);
            var viaGateway = Script(mix, "/api/planning", token, zoneId);
            await WrkAsync(planning, direct, 1, 2, 3); // warm-up: JIT and connection pools on both paths
            await WrkAsync(gateway, viaGateway, 1, 2, 3);
            var (directLoad, gatewayLoad, directLatency, gatewayLatency) =
                (new List<Run>(), new List<Run>(), new List<Run>(), new List<Run>());
            var gatewayCpu = 0.0;
            for (var round = 0; round < 2; round++)
            {
                directLoad.Add(await WrkAsync(planning, direct, 2, 16, seconds));
                var cpuBefore = CpuMilliseconds(gatewayPid);
                gatewayLoad.Add(await WrkAsync(gateway, viaGateway, 2, 16, seconds));
                gatewayCpu += CpuMilliseconds(gatewayPid) - cpuBefore;
                directLatency.Add(await WrkAsync(planning, direct, 1, 1, seconds));
                gatewayLatency.Add(await WrkAsync(gateway, viaGateway, 1, 1, seconds));
            }
            var (throughputDirect, throughputGateway) =
                (directLoad.Average(r => r.RequestsPerSecond), gatewayLoad.Average(r => r.RequestsPerSecond));
            var (p50Direct, p50Gateway) = (directLatency.Average(r => r.P50), gatewayLatency.Average(r => r.P50));
            rows.Add([mix.Name, "direct", $"{throughputDirect:0} /s",
                Section.Milliseconds(directLoad.Average(r => r.P50)), Section.Milliseconds(directLoad.Average(r => r.P99)),
                Section.Milliseconds(p50Direct), Section.Milliseconds(directLatency.Average(r => r.P99)), ""]);
            rows.Add([mix.Name, "through the gateway", $"{throughputGateway:0} /s",
                Section.Milliseconds(gatewayLoad.Average(r => r.P50)), Section.Milliseconds(gatewayLoad.Average(r => r.P99)),
                Section.Milliseconds(p50Gateway), Section.Milliseconds(gatewayLatency.Average(r => r.P99)),
                $"**{throughputGateway / throughputDirect * 100:0}%** of direct throughput; " +
                $"**{p50Gateway - p50Direct:+0.00;-0.00} ms** at p50; " +
                $"{gatewayCpu * 1000 / gatewayLoad.Sum(r => r.Requests):0} µs of the gateway's CPU per request"]);
            var (throughputMet, latencyMet) = (throughputGateway >= 0.85 * throughputDirect, p50Gateway - p50Direct <= 1);
            // The same requests sent direct twice differ by this much: a smaller difference is not a finding.
            var spread = directLatency.Max(r => r.P50) - directLatency.Min(r => r.P50);
            verdicts.Add($"**{mix.Name}**: throughput goal {(throughputMet ? "met" : "**not met**")}, " +
                $"p50 goal {(latencyMet ? "met" : "**not met**")}" +
                (Math.Abs(p50Gateway - p50Direct) <= spread
                    ? $" (the p50 difference is within the spread between the two direct runs themselves, {spread:0.00} ms)."
                    : "."));
        }
        return new Section("Load through the gateway", $"""
            `bench/Bench gateway-load --seconds {seconds}`: the suite with the demo data; wrk 4.1 (Debian) on loopback sends
            the same requests with the same token either to Planning directly or through the gateway (YARP, which also
            checks the rate limits, adds the request id and the security headers). Mixes (红桥's registry answers
            {registryBytes / 1024.0:0} kB of JSON):
            {string.Concat(Mixes.Select(m => $"\n- **{m.Name}**: {m.Description};"))}

            each for throughput (2 threads, 16 connections, {seconds} s) and for latency (1 connection, {seconds} s: one request
            at a time, so the p50 is a request's own time). Direct and gateway runs alternate, twice each, after a 3 s
            warm-up of both; the figures are the means of the two. The gateway's rate limits are raised for the bench (they
            would refuse the load itself). wrk, the gateway, Planning, PostgreSQL and RabbitMQ share the machine's cores, so
            the gateway's cost shows both as its own work and as CPU taken from the service; its CPU time per request
            (from `/proc`, over the throughput runs) is the cost itself, whatever the machine.

            Goal: at least 85% of the direct throughput and at most 1 ms added at p50.

            {Section.Table(
        ["mix", "path", "throughput", "p50 under load", "p99 under load", "p50 alone", "p99 alone", "gateway's cost"],
        rows)}
            {string.Concat(verdicts.Select(v => $"\n- {v}"))}

            The gateway's own work per request is a fixed cost (the token checked, two rate-limit buckets, the request
            proxied over a second loopback connection and the answer copied back). Where a request costs the service little
            (a short list), that cost is a large share of the machine's cores and the throughput ratio falls; where the
            service works (a capacity analysis), it hardly shows. With the gateway on cores of its own, as in production,
            its cost would show as latency only.
            """);
    }

    /// <summary>A wrk script for the mix: every request carries the token; paths start with the prefix (none when direct).</summary>
    private static string Script(Mix mix, string prefix, string token, Guid zoneId)
    {
        var school = JsonSerializer.Serialize(new
        {
            name = "NAME", districtCode = WriteDistrict, zoneId, ownership = "public", status = "open",
            stages = new[] { new { stage = "primary", classesPerGrade = new[] { 2, 2, 2, 2, 2, 2 } } },
        });
        var path = Path.Combine(Path.GetTempPath(), $"wrk-{mix.Name}-{(prefix.Length == 0 ? "direct" : "gateway")}.lua");
        File.WriteAllText(path, $$"""
            local prefix = "{{prefix}}"
            local reads = { prefix .. "/districts", prefix .. "/schools?districtCode={{ReadDistrict}}" }
            local headers = { ["Authorization"] = "Bearer {{token}}", ["Content-Type"] = "application/json" }
            local school = [[{{school}}]]
            local n = 0
            local next_id = 0
            function setup(thread)
              next_id = next_id + 1
              thread:set("thread_id", next_id)
            end
            function request()
              n = n + 1
              {{mix.Request}}
            end
            """);
        return path;
    }

    private static async Task<Run> WrkAsync(Uri target, string script, int threads, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk", [
            "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s", "--latency", "-s", script, target.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true, RedirectStandardError = true
        };
        using var wrk = Process.Start(start)
            ?? throw new InvalidOperationException("wrk did not start: install it with apt-get install wrk.");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (wrk.ExitCode != 0 || NonSuccess().IsMatch(output)
            || SocketErrors().Match(output) is { Success: true } errors && errors.Groups.Values.Skip(1).Any(g => g.Value != "0"))
            throw new InvalidOperationException(
                $"wrk reported failures against {target}:\n{output}\n{await wrk.StandardError.ReadToEndAsync()}");
        return new Run(
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Latency(output, "50%"), Latency(output, "99%"),
            long.Parse(RequestCount().Match(output).Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>A percentile of wrk's latency distribution, in milliseconds (wrk prints us, ms or s).</summary>
    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in ")]
    private static partial Regex RequestCount();

    /// <summary>CPU time a process has used, user and system, from /proc (clock ticks of 10 ms).</summary>
    private static double CpuMilliseconds(int pid)
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')', 2)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    [GeneratedRegex(@"Non-2xx or 3xx responses: \d+")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
