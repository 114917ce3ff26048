using Platform.Contracts;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>Maps the type names stored in the outbox to the contract types; only Contracts types may be published.</summary>
public static class MessageTypes
{
    private static readonly System.Reflection.Assembly ContractsAssembly = typeof(SchoolRegistered).Assembly;

    public static string NameOf(Type type) =>
        type.Assembly == ContractsAssembly
            ? type.FullName!
            : throw new ArgumentException($"{type.FullName} is not a message contract in Platform.Contracts.", nameof(type));

    public static Type Resolve(string name) =>
        ContractsAssembly.GetType(name, throwOnError: false)
        ?? throw new InvalidOperationException($"Unknown message type '{name}' in the outbox.");
}
