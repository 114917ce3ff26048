namespace Platform.AppHost.Hosting;

/// <summary>The AppHost's console: child output prefixed with the resource's name, and the resource table.</summary>
public static class ConsoleLog
{
    private static readonly Lock Gate = new();
    private static readonly ConsoleColor[] Palette =
    [
        ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Magenta, ConsoleColor.Yellow, ConsoleColor.Blue, ConsoleColor.DarkCyan,
        ConsoleColor.DarkYellow,
    ];

    public static void Write(string resource, string line)
    {
        lock (Gate)
        {
            Console.ForegroundColor = Palette[resource.Sum(c => c) % Palette.Length]; // the same colour every run
            Console.Write($"{resource,-12}| ");
            Console.ResetColor();
            Console.WriteLine(line);
        }
    }

    public static void Info(string message) => Write("apphost", message);

    public static void Error(string message)
    {
        lock (Gate)
        {
            Console.ForegroundColor = ConsoleColor.Red;
            Console.WriteLine($"apphost     | {message}");
            Console.ResetColor();
        }
    }

    public static void Table(IEnumerable<Resource> resources, TimeSpan elapsed)
    {
        var rows = resources.Select(r => (r.Name, r.Kind, State: r.State.ToString(), r.Address)).ToList();
        var widths = (Name: rows.Max(r => r.Name.Length), Kind: rows.Max(r => r.Kind.Length), State: rows.Max(r => r.State.Length));
        lock (Gate)
        {
            Console.WriteLine();
            Console.WriteLine(
                $"{"RESOURCE".PadRight(widths.Name)}  {"KIND".PadRight(widths.Kind)}  {"STATE".PadRight(widths.State)}  ADDRESS");
            foreach (var row in rows)
                Console.WriteLine(
                    $"{row.Name.PadRight(widths.Name)}  {row.Kind.PadRight(widths.Kind)}  "
                    + $"{row.State.PadRight(widths.State)}  {row.Address}");
            Console.WriteLine();
            var projects = resources.OfType<ProjectResource>().ToList();
            var gateway = projects.FirstOrDefault(r => r.Name == "gateway");
            if (gateway is not null && rows.All(r => r.State == nameof(ResourceState.Running)))
            {
                Console.WriteLine(
                    $"All {rows.Count} resources are running ({elapsed.TotalSeconds:0.0} s). Ctrl+C stops everything.");
                if (projects.Any(p => p.Name == "web"))
                    Console.WriteLine($"  Open the suite     {gateway.HttpEndpoint}  (sign in as planner, hr, facilities, bureau, viewer, "
                        + "admin, secadmin or auditor; password platform-demo)");
                Console.WriteLine($"  Gateway health     {gateway.HttpEndpoint}health");
                foreach (var service in projects.Where(p => p != gateway && p.Name != "web"))
                    Console.WriteLine($"  {service.Name,-18} {gateway.HttpEndpoint}api/{service.Name}/  "
                        + $"(OpenAPI: {gateway.HttpEndpoint}api/{service.Name}/openapi/v1.json)");
            }
            Console.WriteLine();
        }
    }
}
