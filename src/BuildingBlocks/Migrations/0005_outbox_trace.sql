-- The trace of the request that wrote an event (W3C traceparent), so that its publication, and each consumer's
-- handling, show in that request's trace rather than as traces of their own.
ALTER TABLE outbox_messages ADD COLUMN trace_parent text;
