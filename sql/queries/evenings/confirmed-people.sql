-- People confirmed for an evening, leaving one invitation's sign-up out. Params: $1 evening id,
-- $2 invitation id to leave out (or NULL). Returns n.
SELECT coalesce(sum(people), 0)::int AS n FROM evening_signups
WHERE evening_id = $1 AND status = 'confirmed' AND ($2::bigint IS NULL OR invitation_id <> $2)
