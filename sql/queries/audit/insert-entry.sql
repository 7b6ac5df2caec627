-- Appends one entry to the audit log (server/audit/audit.ts).
-- Params: $1 user id or null, $2 actor, $3 action, $4 municipality id or null, $5 subject type
-- or null, $6 subject id (text) or null, $7 details (JSON text), $8 ip or null. Returns nothing.
INSERT INTO audit_log (user_id, actor, action, municipality_id, subject_type, subject_id, details, ip)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
