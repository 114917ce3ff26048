-- Every change to a user account goes into audit_log (platform 0002), without its password hash.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION audit_row('password_hash');
