-- Grain persistence. Orleans identifies a state by service id, grain type and grain id (two 64-bit halves
-- plus an optional string key extension), and passes hashes of id and type to keep look-ups on narrow ints.
-- The ETag is an integer version: every write must name the version it read, or it is refused (returns
-- NULL / no row) and Orleans raises InconsistentStateException. 10.x writes binary payloads only.

CREATE TABLE IF NOT EXISTS orleansstorage
(
    serviceid              text        NOT NULL,
    graintypehash          integer     NOT NULL,
    grainidhash            integer     NOT NULL,
    grainidn0              bigint      NOT NULL,
    grainidn1              bigint      NOT NULL,
    graintypestring        text        NOT NULL,
    -- '' stands for "no key extension", so the key can be a plain primary key and ON CONFLICT works
    -- (a NULL would never conflict with another NULL).
    grainidextensionstring text        NOT NULL DEFAULT '',
    payloadbinary          bytea       NULL,
    modifiedon             timestamptz NOT NULL DEFAULT now(),
    version                integer     NOT NULL,
    -- Hashes first: they are selective and small; the full strings settle hash collisions.
    CONSTRAINT pk_orleansstorage PRIMARY KEY
        (serviceid, graintypehash, grainidhash, grainidn0, grainidn1, graintypestring, grainidextensionstring)
);

-- Writes a grain state. No version (never stored, or deleted): insert version 1, unless another activation won
-- the race. A version: update only that version. Returns the new version, or NULL when refused.
CREATE OR REPLACE FUNCTION qm_orleans_write_storage(
    p_grain_id_hash integer, p_grain_id_n0 bigint, p_grain_id_n1 bigint, p_grain_type_hash integer,
    p_grain_type text, p_key_extension text, p_service_id text, p_version integer, p_payload bytea)
RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
    new_version integer;
BEGIN
    IF p_version IS NULL THEN
        INSERT INTO orleansstorage
            (serviceid, graintypehash, grainidhash, grainidn0, grainidn1, graintypestring, grainidextensionstring,
             payloadbinary, modifiedon, version)
        VALUES
            (p_service_id, p_grain_type_hash, p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type,
             COALESCE(p_key_extension, ''), p_payload, now(), 1)
        ON CONFLICT ON CONSTRAINT pk_orleansstorage DO NOTHING
        RETURNING version INTO new_version;
    ELSE
        UPDATE orleansstorage
           SET payloadbinary = p_payload, modifiedon = now(), version = version + 1
         WHERE serviceid = p_service_id AND graintypehash = p_grain_type_hash AND grainidhash = p_grain_id_hash
           AND grainidn0 = p_grain_id_n0 AND grainidn1 = p_grain_id_n1 AND graintypestring = p_grain_type
           AND grainidextensionstring = COALESCE(p_key_extension, '') AND version = p_version
        RETURNING version INTO new_version;
    END IF;
    RETURN new_version;
END
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('WriteToStorageKey', $q$
    SELECT qm_orleans_write_storage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS newgrainstateversion;
$q$),
-- No row: Orleans starts from a fresh state with no ETag. A NULL payload (cleared state) keeps the version.
('ReadFromStorageKey', $q$
    SELECT payloadbinary, version
      FROM orleansstorage
     WHERE serviceid = @ServiceId AND graintypehash = @GrainTypeHash AND grainidhash = @GrainIdHash
       AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1 AND graintypestring = @GrainTypeString
       AND grainidextensionstring = COALESCE(@GrainIdExtensionString, '');
$q$),
-- ClearStateAsync (default): keep the row with no payload and a bumped version, so a stale writer still loses.
('ClearStorageKey', $q$
    UPDATE orleansstorage
       SET payloadbinary = NULL, modifiedon = now(), version = version + 1
     WHERE serviceid = @ServiceId AND graintypehash = @GrainTypeHash AND grainidhash = @GrainIdHash
       AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1 AND graintypestring = @GrainTypeString
       AND grainidextensionstring = COALESCE(@GrainIdExtensionString, '') AND version = @GrainStateVersion
    RETURNING version;
$q$),
-- ClearStateAsync with DeleteStateOnClear = true: remove the row. Orleans only checks that a value different
-- from the old ETag comes back, so return the next version; no row back means a version conflict.
('DeleteStorageKey', $q$
    DELETE FROM orleansstorage
     WHERE serviceid = @ServiceId AND graintypehash = @GrainTypeHash AND grainidhash = @GrainIdHash
       AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1 AND graintypestring = @GrainTypeString
       AND grainidextensionstring = COALESCE(@GrainIdExtensionString, '') AND version = @GrainStateVersion
    RETURNING version + 1 AS version;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
