-- The suite's own user accounts (docs/security.md). Passwords are stored as ASP.NET Core password hashes; refresh
-- tokens only as their SHA-256, so a copy of this database signs no one in.
CREATE TABLE users (
    id              uuid        PRIMARY KEY,
    user_name       text        NOT NULL UNIQUE,
    display_name    text        NOT NULL,
    roles           text[]      NOT NULL,
    district_code   text        NOT NULL,
    password_hash   text        NOT NULL,
    active          boolean     NOT NULL DEFAULT true,
    failed_sign_ins integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at      timestamptz NOT NULL DEFAULT clock_timestamp());

CREATE TABLE refresh_tokens (
    token_hash  text        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp());

CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
