-- QmInsights system of record: every accepted fact, as accepted. Derived state (aggregates, interaction rows) is
-- rebuilt from these tables, so they are the only thing a crash must not lose. Idempotent: applied at every start.

-- One row per shard commit. "applied" turns true once every aggregate the batch changes has its changes;
-- a batch still unapplied after a grace period is recovered by making those aggregates rebuild (outbox).
CREATE TABLE IF NOT EXISTS qm_batches (
    batch_id    bigserial PRIMARY KEY,
    shard       integer NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    applied     boolean NOT NULL DEFAULT false,
    agents      text[] NOT NULL,
    teams       text[] NOT NULL,
    scorecards  text[] NOT NULL
);
CREATE INDEX IF NOT EXISTS qm_batches_pending ON qm_batches (created_at) WHERE NOT applied;

CREATE TABLE IF NOT EXISTS qm_interactions (
    interaction_id          text PRIMARY KEY,
    shard                   integer NOT NULL,
    batch_id                bigint NOT NULL,
    channel                 smallint NOT NULL,
    agent_id                text,
    team_id                 text,
    queue                   text NOT NULL,
    started_at              timestamptz NOT NULL,
    handle_seconds          double precision NOT NULL,
    after_call_work_seconds double precision,
    wait_seconds            double precision,
    resolved_first_contact  boolean,
    outcome                 smallint NOT NULL DEFAULT 0
);
-- Databases created before December 2026 had whole-second durations, no outcome (every contact handled) and an
-- agent and team on every contact. Each step checks the catalog first, so applying it again changes nothing.
ALTER TABLE qm_interactions ADD COLUMN IF NOT EXISTS outcome smallint NOT NULL DEFAULT 0;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
               AND table_name = 'qm_interactions' AND column_name = 'handle_seconds' AND data_type <> 'double precision') THEN
        ALTER TABLE qm_interactions
            ALTER COLUMN handle_seconds TYPE double precision,
            ALTER COLUMN after_call_work_seconds TYPE double precision,
            ALTER COLUMN wait_seconds TYPE double precision;
    END IF;
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
               AND table_name = 'qm_interactions' AND column_name = 'agent_id' AND is_nullable = 'NO') THEN
        ALTER TABLE qm_interactions ALTER COLUMN agent_id DROP NOT NULL, ALTER COLUMN team_id DROP NOT NULL;
    END IF;
END
$$;
CREATE INDEX IF NOT EXISTS qm_interactions_agent ON qm_interactions (agent_id);
CREATE INDEX IF NOT EXISTS qm_interactions_team ON qm_interactions (team_id);

-- A contact has at most one survey: the interaction id is its key.
CREATE TABLE IF NOT EXISTS qm_surveys (
    interaction_id  text PRIMARY KEY,
    shard           integer NOT NULL,
    batch_id        bigint NOT NULL,
    answered_at     timestamptz NOT NULL,
    csat            smallint,
    nps             smallint
);
CREATE INDEX IF NOT EXISTS qm_surveys_shard ON qm_surveys (shard);

-- Every revision is kept; the highest counts. The score is stored as computed with the version it was made against.
CREATE TABLE IF NOT EXISTS qm_evaluations (
    evaluation_id       text NOT NULL,
    revision            integer NOT NULL,
    interaction_id      text NOT NULL,
    shard               integer NOT NULL,
    id_shard            integer NOT NULL,
    batch_id            bigint NOT NULL,
    agent_id            text NOT NULL,
    evaluator_id        text NOT NULL,
    scorecard_id        text NOT NULL,
    scorecard_version   integer,
    kind                smallint NOT NULL,
    evaluated_at        timestamptz NOT NULL,
    answers             text NOT NULL,
    comment             text,
    score_percent       double precision,
    critical_failed     boolean NOT NULL,
    weighted_earned     double precision NOT NULL,
    weighted_possible   double precision NOT NULL,
    scored_version      integer NOT NULL,
    target_percent      double precision NOT NULL,
    PRIMARY KEY (evaluation_id, revision)
);
CREATE INDEX IF NOT EXISTS qm_evaluations_shard ON qm_evaluations (shard);
CREATE INDEX IF NOT EXISTS qm_evaluations_id_shard ON qm_evaluations (id_shard);
CREATE INDEX IF NOT EXISTS qm_evaluations_agent ON qm_evaluations (agent_id);
CREATE INDEX IF NOT EXISTS qm_evaluations_interaction ON qm_evaluations (interaction_id);
CREATE INDEX IF NOT EXISTS qm_evaluations_scorecard ON qm_evaluations (scorecard_id);

-- What deleted facts still contribute to the aggregates (retention and erasure delete raw facts; the aggregates must
-- keep their totals). Written in the same transaction as the deletion; a rebuild adds these to what the remaining
-- facts give. One row per aggregate, day and bucket per deletion (summed when read). target_kind: 0 agent, 1 team,
-- 2 scorecard; channel is null for an evaluation whose interaction never arrived; version and item_id are the
-- scorecard's item buckets. tally holds the additive counts and sums (QualityTally or ItemTally).
CREATE TABLE IF NOT EXISTS qm_retired_tallies (
    target_kind smallint NOT NULL,
    target_id   text NOT NULL,
    day         date NOT NULL,
    channel     smallint,
    version     integer,
    item_id     text,
    tally       jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS qm_retired_tallies_target ON qm_retired_tallies (target_kind, target_id);
