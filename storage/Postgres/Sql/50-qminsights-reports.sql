-- Archived monthly packs (PDF), one per month and scope ("centre" or "team:{id}"). Idempotent: applied at every start.
CREATE TABLE IF NOT EXISTS qm_report_packs (
    month        text NOT NULL,
    scope        text NOT NULL,
    generated_at timestamptz NOT NULL,
    pdf          bytea NOT NULL,
    PRIMARY KEY (month, scope)
);
