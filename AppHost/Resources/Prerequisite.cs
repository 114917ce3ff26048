namespace Platform.AppHost.Resources;

/// <summary>A server binary the suite runs: missing, the AppHost stops with one line naming the Debian package.</summary>
internal static class Prerequisite
{
    public static void Require(string path, string package)
    {
        if (!File.Exists(path))
            throw new SetupException(
                $"{path} is missing: install it with `apt-get install -y {package}` (or run scripts/run.sh).");
    }
}

/// <summary>The machine or the command line cannot run the suite: told in one line, without a stack trace.</summary>
public sealed class SetupException(string message) : Exception(message);
