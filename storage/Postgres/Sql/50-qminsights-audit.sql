-- Audit trail: who read or changed which agent's personal QA data. Append-only: the triggers below make UPDATE,
-- DELETE and TRUNCATE fail for every role but a superuser who drops them on purpose (which the server logs).
CREATE TABLE IF NOT EXISTS qm_audit (
    seq        bigserial   PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    role       text        NOT NULL,
    token_id   text,
    remote_ip  text,
    action     text        NOT NULL,
    method     text        NOT NULL,
    path       text        NOT NULL,
    agent_ids  text[]      NOT NULL,
    status     integer     NOT NULL,
    detail     text
);
CREATE INDEX IF NOT EXISTS qm_audit_at ON qm_audit (at);
CREATE INDEX IF NOT EXISTS qm_audit_actor ON qm_audit (actor, at);
CREATE INDEX IF NOT EXISTS qm_audit_agents ON qm_audit USING gin (agent_ids);

CREATE OR REPLACE FUNCTION qm_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'qm_audit is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER IF EXISTS qm_audit_no_update_delete ON qm_audit;
CREATE TRIGGER qm_audit_no_update_delete BEFORE UPDATE OR DELETE ON qm_audit
    FOR EACH ROW EXECUTE FUNCTION qm_audit_append_only();
DROP TRIGGER IF EXISTS qm_audit_no_truncate ON qm_audit;
CREATE TRIGGER qm_audit_no_truncate BEFORE TRUNCATE ON qm_audit
    FOR EACH STATEMENT EXECUTE FUNCTION qm_audit_append_only();
