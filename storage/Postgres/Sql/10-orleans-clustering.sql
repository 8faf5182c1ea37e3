-- Clustering (membership). Orleans' protocol: every change to a silo row must also bump the
-- deployment's table version, compare-and-swap on the version the silo last read; a stale version
-- means "someone else changed the table", the call returns 0 and Orleans re-reads and retries.

-- One row per deployment (cluster id) holding the table version the membership rows are checked against.
CREATE TABLE IF NOT EXISTS orleansmembershipversiontable
(
    deploymentid text        NOT NULL,
    changedat    timestamptz NOT NULL DEFAULT now(),
    version      integer     NOT NULL DEFAULT 0,
    CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (deploymentid)
);

-- One row per silo incarnation: address + port + generation identify a silo process.
-- Status is Orleans' SiloStatus (3 = Active, 6 = Dead); SuspectTimes is "silo,date|silo,date" text.
CREATE TABLE IF NOT EXISTS orleansmembershiptable
(
    deploymentid text        NOT NULL,
    address      text        NOT NULL,
    port         integer     NOT NULL,
    generation   integer     NOT NULL,
    siloname     text        NOT NULL,
    hostname     text        NOT NULL,
    status       integer     NOT NULL,
    proxyport    integer     NULL,
    suspecttimes text        NULL,
    starttime    timestamptz NOT NULL,
    iamalivetime timestamptz NOT NULL,
    CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_orleansmembershiptable_version FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversiontable (deploymentid)
);

-- Inserts a silo row only if the expected table version still holds; a duplicate row undoes the version bump
-- (the inner block is a sub-transaction: raising inside it rolls the UPDATE back). Returns 1 on success, else 0.
CREATE OR REPLACE FUNCTION qm_orleans_insert_membership(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_silo_name text, p_host_name text, p_status integer, p_proxy_port integer,
    p_start_time timestamptz, p_i_am_alive_time timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
    affected integer;
BEGIN
    BEGIN
        -- The int ceiling keeps the version from overflowing into an error instead of a clean "conflict".
        UPDATE orleansmembershipversiontable
           SET version = version + 1, changedat = now()
         WHERE deploymentid = p_deployment_id AND version = p_version AND version < 2147483647;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RETURN 0;
        END IF;

        INSERT INTO orleansmembershiptable
            (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
        VALUES
            (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
             p_start_time, p_i_am_alive_time)
        ON CONFLICT (deploymentid, address, port, generation) DO NOTHING;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RAISE EXCEPTION 'silo row already exists' USING ERRCODE = 'QMO01';
        END IF;
        RETURN 1;
    EXCEPTION WHEN SQLSTATE 'QMO01' THEN
        RETURN 0;
    END;
END
$fn$;

-- Updates a silo row (status, suspicions, heartbeat) under the same version compare-and-swap.
-- GREATEST keeps a late, older heartbeat from moving IAmAliveTime backwards.
CREATE OR REPLACE FUNCTION qm_orleans_update_membership(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_status integer, p_suspect_times text, p_i_am_alive_time timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
    affected integer;
BEGIN
    BEGIN
        UPDATE orleansmembershipversiontable
           SET version = version + 1, changedat = now()
         WHERE deploymentid = p_deployment_id AND version = p_version AND version < 2147483647;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RETURN 0;
        END IF;

        UPDATE orleansmembershiptable
           SET status = p_status,
               suspecttimes = p_suspect_times,
               iamalivetime = GREATEST(iamalivetime, p_i_am_alive_time)
         WHERE deploymentid = p_deployment_id AND address = p_address
           AND port = p_port AND generation = p_generation;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RAISE EXCEPTION 'silo row missing' USING ERRCODE = 'QMO02';
        END IF;
        RETURN 1;
    EXCEPTION WHEN SQLSTATE 'QMO02' THEN
        RETURN 0;
    END;
END
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES
-- Creates the deployment's version row once; 1 if this call created it, 0 if it was there already.
('InsertMembershipVersionKey', $q$
    WITH created AS (
        INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (@DeploymentId)
        ON CONFLICT (deploymentid) DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer AS row_count FROM created;
$q$),
('InsertMembershipKey', $q$
    SELECT qm_orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS row_count;
$q$),
('UpdateMembershipKey', $q$
    SELECT qm_orleans_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
        @IAmAliveTime, @Version) AS row_count;
$q$),
-- Heartbeats do not bump the table version: Orleans reads them without taking part in the CAS.
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleansmembershiptable
       SET iamalivetime = GREATEST(iamalivetime, @IAmAliveTime)
     WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$q$),
-- The version row always comes back (LEFT JOIN): Orleans takes the table version from the first row
-- even when the silo has no row yet; a NULL StartTime tells it "no member in this row".
('MembershipReadRowKey', $q$
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
           m.suspecttimes, m.starttime, m.iamalivetime, v.version
      FROM orleansmembershipversiontable v
      LEFT JOIN orleansmembershiptable m
        ON m.deploymentid = v.deploymentid
       AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
     WHERE v.deploymentid = @DeploymentId;
$q$),
('MembershipReadAllKey', $q$
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
           m.suspecttimes, m.starttime, m.iamalivetime, v.version
      FROM orleansmembershipversiontable v
      LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
     WHERE v.deploymentid = @DeploymentId;
$q$),
-- Gateways for clients: @Status is Active; a proxy port of 0 means "this silo is no gateway".
('GatewaysQueryKey', $q$
    SELECT address, proxyport, generation
      FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0;
$q$),
-- One statement: the FK from silo rows to the version row is checked at its end, after both deletes.
('DeleteMembershipTableEntriesKey', $q$
    WITH silos AS (DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId)
    DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
$q$),
-- Fallback sweep (used only when CleanupDefunctSiloEntryKey is absent): Dead rows silent since the cut-off.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId AND status = 6
       AND iamalivetime < @IAmAliveTime AND starttime < @IAmAliveTime
       AND COALESCE(suspecttimes, '') = '';
$q$),
-- Orleans decides in .NET which Dead rows are defunct, then deletes each one only if it still holds exactly
-- the values it read, so a row that changed in between survives.
('CleanupDefunctSiloEntryKey', $q$
    DELETE FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId AND status = 6
       AND address = @Address AND port = @Port AND generation = @Generation
       AND iamalivetime = @IAmAliveTime AND starttime = @StartTime
       AND COALESCE(suspecttimes, '') = COALESCE(@SuspectTimes, '');
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
