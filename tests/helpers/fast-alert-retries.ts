/** Import FIRST (after own-redis-prefix) in a test that makes the SMTP server refuse a mail: retries after 200 ms, not 5 s. */
process.env.ALERT_BACKOFF_MS = '200';
