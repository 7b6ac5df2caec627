-- No JIT compilation for the effect figures' queries in this transaction: their plans are
-- simple scans and groupings, and compiling them cost 0.2-0.6 s a query on the benchmark
-- (EXPLAIN ANALYZE of monthly-burglaries.sql: 600 ms JIT of 880 ms), more than running them.
-- Params: none.
-- Returns nothing.
SET LOCAL jit = off
