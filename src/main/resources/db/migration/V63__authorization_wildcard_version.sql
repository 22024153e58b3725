-- Issue 20 (docs/security.md, "Wildcard grants decide without asking row by row"): the version of
-- the wildcard authorizations (ACT_RU_AUTHORIZATION rows with RESOURCE_ID_ = '*'). On PostgreSQL a
-- trigger on the engine's table (engine/WildcardGrantVersion) adds one to it in the transaction of
-- every insert, update or delete of such a row, on whichever node; an engine keeps a caller's
-- wildcard grants only as long as this version is the one they were read with. The engine may
-- start before this migration runs: the plugin then creates the same table (IF NOT EXISTS).
CREATE TABLE IF NOT EXISTS fenhe_auth_wildcard_version (
    id      INT    PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO fenhe_auth_wildcard_version (id, version)
SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM fenhe_auth_wildcard_version WHERE id = 1);
