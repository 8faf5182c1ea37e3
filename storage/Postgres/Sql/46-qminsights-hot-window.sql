-- A shard loads only its hot window of contacts at activation (Storage:HotMonths) and reads older months for the
-- request that needs them: both by shard and start time.
CREATE INDEX IF NOT EXISTS qm_interactions_shard_started ON qm_interactions (shard, started_at);
-- (shard, started_at) serves the queries by shard alone as well: databases made before December 2026 also had an index
-- on shard only, one more btree every inserted contact paid for.
DROP INDEX IF EXISTS qm_interactions_shard;
