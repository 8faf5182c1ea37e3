-- QmInsights' own PostgreSQL schema for the Orleans 10.4.x ADO.NET providers (invariant "Npgsql").
-- Applied by OrleansSchema.ApplyAsync at every start-up, inside one transaction under an advisory lock,
-- so every statement here must be idempotent: IF NOT EXISTS, OR REPLACE, ON CONFLICT DO UPDATE.
--
-- The providers read their SQL from OrleansQuery at start-up (SELECT QueryKey, QueryText FROM OrleansQuery)
-- and bind parameters by name (@DeploymentId, @GrainId, ...), reading result columns by name.
-- PostgreSQL folds unquoted names to lower case; the providers' column lookups are case-insensitive.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (querykey)
);
