-- Transactional outbox: written in the same transaction as the business change,
-- relayed to RabbitMQ by OutboxDispatcher. The row id is the message id.
CREATE TABLE outbox_messages (
    id              uuid        PRIMARY KEY,
    message_type    text        NOT NULL,
    payload         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_error      text,
    sent_at         timestamptz
);
CREATE INDEX outbox_messages_pending ON outbox_messages (next_attempt_at) WHERE sent_at IS NULL;

-- Inbox: one row per (message, consumer) applied; the insert shares the consumer's transaction.
CREATE TABLE inbox_messages (
    message_id   uuid        NOT NULL,
    consumer     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (message_id, consumer)
);
