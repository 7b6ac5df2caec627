-- Claims a pending mail for sending (one worker at a time), with what the mail needs.
-- Params: $1 mail id.
-- Returns id, kind, key, content, email, lang, target_label, confirm_token, unsubscribe_token, municipality_id,
-- municipality_code, target_kind, street_id (no row when not pending).
UPDATE alert_mails m SET status = 'sending', attempts = m.attempts + 1, claimed_at = now()
FROM alert_subscriptions s, municipalities mu
WHERE m.id = $1 AND m.status = 'pending' AND s.id = m.subscription_id AND mu.id = s.municipality_id
RETURNING m.id, m.kind, m.key, m.content, s.email, s.lang, s.target_label, s.confirm_token, s.unsubscribe_token, s.municipality_id,
  mu.code AS municipality_code, s.target_kind, s.street_id
