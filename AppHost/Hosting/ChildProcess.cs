using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Platform.AppHost.Hosting;

/// <summary>
/// A process the AppHost owns: its output goes to the log with the resource's name; it is stopped with a signal,
/// then killed with its whole tree if it has not exited in time, so nothing is left behind.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private const string SetSid = "/usr/bin/setsid";
    private readonly Process process;

    private ChildProcess(Process process) => this.process = process;

    public int Id => process.Id;
    public bool HasExited => process.HasExited;
    public int ExitCode => process.ExitCode;
    public Task Exited { get; private init; } = Task.CompletedTask;

    public static ChildProcess Start(
        string resource, string fileName, IEnumerable<string> arguments, Action<string, string> log,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        // setsid gives the child a session of its own (it execs in place, so the pid stays the child's): a Ctrl+C in
        // the terminal then reaches only the AppHost, which stops the children in order instead of all at once.
        var info = new ProcessStartInfo(File.Exists(SetSid) ? SetSid : fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // a child must never read the AppHost's terminal
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        if (File.Exists(SetSid))
            info.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log(resource, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log(resource, e.Data); };
        if (!process.Start())
            throw new ResourceException($"{resource}: {fileName} did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process) { Exited = process.WaitForExitAsync() };
    }

    /// <summary>Sends <paramref name="signal"/> (to <paramref name="pid"/>, or this process), waits, then kills the tree.</summary>
    public async Task StopAsync(PosixSignal signal = PosixSignal.SIGTERM, TimeSpan? grace = null, int? pid = null)
    {
        if (process.HasExited)
            return;
        Signal(pid ?? process.Id, signal);
        if (await Task.WhenAny(Exited, Task.Delay(grace ?? TimeSpan.FromSeconds(10))) != Exited)
        {
            process.Kill(entireProcessTree: true);
            await Exited;
        }
    }

    /// <summary>Kills the process tree at once, as a crash would: no shutdown, nothing finished.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await Exited;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    public static void Signal(int pid, PosixSignal signal)
    {
        // PosixSignal's values are .NET's own; kill(2) wants the platform's numbers.
        var number = signal switch
        {
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGQUIT => 3,
            PosixSignal.SIGTERM => 15,
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "Only SIGINT, SIGQUIT and SIGTERM are sent."),
        };
        _ = Kill(pid, number);
    }

    public static bool IsRoot => GetEffectiveUserId() == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    /// <summary>Runs a short command to completion and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        using var process = Process.Start(info) ?? throw new ResourceException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, (await output + await error).Trim());
    }
}
