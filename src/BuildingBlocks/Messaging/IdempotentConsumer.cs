using MassTransit;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// A consumer that applies each message id once: the inbox row and the consumer's changes (and any events it
/// writes to the outbox) commit together or not at all.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(Database dataSource, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var consumer = GetType().Name;

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        if (!await transaction.TryAcceptAsync(messageId, consumer, context.CancellationToken))
        {
            logger.LogInformation("{Consumer} already applied message {MessageId}; ignoring the duplicate", consumer, messageId);
            return;
        }
        await ApplyAsync(context.Message, transaction, context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    protected abstract Task ApplyAsync(TMessage message, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}
