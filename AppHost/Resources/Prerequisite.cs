namespace Platform.AppHost.Resources;

/// <summary>A server binary the suite runs: missing, the AppHost stops with one line naming the Debian package.</summary>
internal static class Prerequisite
{
    public static void Require(string path, string package)
    {
        if (!File.Exists(path))
            throw new PrerequisiteMissingException(
                $"{path} is missing: install it with `apt-get install -y {package}` (or run scripts/run.sh).");
    }
}

public sealed class PrerequisiteMissingException(string message) : Exception(message);
