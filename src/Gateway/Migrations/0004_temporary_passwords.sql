-- A password set by an administrator (a new account, a reset) is temporary: signing in with it gives a token without
-- roles until the user has set their own, so the system administrator cannot act as anyone (docs/security.md, "Roles").
-- Accounts that exist already keep the password they have.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Attempts recorded for names and addresses that went quiet are removed as new ones are recorded (SignInAttempts).
CREATE INDEX sign_in_attempts_stale ON sign_in_attempts (updated_at) WHERE NOT trusted;
