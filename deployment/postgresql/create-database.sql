-- 汾河 Fenhe — PostgreSQL role and database / 数据库与角色
--
-- Run once, as a superuser (or a role with CREATEROLE and CREATEDB), on PostgreSQL 13 or later:
--
--   psql -h <db-host> -U postgres -v fenhe_password='<strong password>' -f create-database.sql
--
-- Optional variables:
--   -v fenhe_ctype=C.utf8     LC_CTYPE of the database (default C.UTF-8; see `locale -a` on the server)
--
-- Safe to run again: an existing role gets its attributes and password reset, an existing
-- database is left as it is (its settings and grants are re-applied).
--
-- The application creates its own tables at start-up: the Camunda engine its ACT_* tables
-- (camunda.bpm.database.schema-update=true), Flyway the platform's tables
-- (history table fenhe_schema_history). Nothing else is needed here.
--
-- Note: the password travels in this statement. Do not run it with log_statement = 'ddl'/'all'
-- active, or change the password afterwards with psql's \password fenhe.

\set ON_ERROR_STOP on
\set QUIET on

-- ---- arguments --------------------------------------------------------------------------
\if :{?fenhe_password}
\else
  \echo '错误：未提供口令 / no password given'
  DO $$ BEGIN RAISE EXCEPTION 'usage: psql -v fenhe_password=... -f create-database.sql'; END $$;
\endif

SELECT length(:'fenhe_password') < 12 AS fenhe_password_too_short \gset
\if :fenhe_password_too_short
  \echo '错误：口令至少 12 个字符 / the password is too short'
  DO $$ BEGIN RAISE EXCEPTION 'fenhe_password must have at least 12 characters'; END $$;
\endif

\if :{?fenhe_ctype}
\else
  \set fenhe_ctype 'C.UTF-8'
\endif

-- ---- role -------------------------------------------------------------------------------
-- store the password as SCRAM, never MD5
SET password_encryption = 'scram-sha-256';

SELECT 'CREATE ROLE fenhe'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fenhe') \gexec

-- an application role: may log in, nothing more
ALTER ROLE fenhe WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT
  PASSWORD :'fenhe_password';

-- ---- database ---------------------------------------------------------------------------
-- template0 + collation "C": byte order, independent of the operating system's locale data, so
-- an upgrade of glibc can never corrupt an index. LC_CTYPE C.UTF-8 keeps upper()/lower() correct
-- for non-ASCII text. Encoding UTF8 for Chinese text.
SELECT format('CREATE DATABASE fenhe OWNER fenhe TEMPLATE template0 ENCODING %L LC_COLLATE %L LC_CTYPE %L',
              'UTF8', 'C', :'fenhe_ctype')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'fenhe') \gexec

ALTER DATABASE fenhe OWNER TO fenhe;

-- the engine stores dates as "timestamp without time zone" in the JVM's time zone; the JVM
-- runs with -Duser.timezone=Asia/Shanghai (see systemd/ and kubernetes/), the sessions match it
ALTER DATABASE fenhe SET timezone TO 'Asia/Shanghai';
ALTER ROLE fenhe IN DATABASE fenhe SET timezone TO 'Asia/Shanghai';
ALTER DATABASE fenhe SET client_encoding TO 'UTF8';
-- a transaction left open by a broken client releases its locks after 10 minutes
ALTER DATABASE fenhe SET idle_in_transaction_session_timeout TO '10min';

-- only the owner may connect (grant CONNECT to a monitoring or backup role explicitly)
REVOKE ALL ON DATABASE fenhe FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE fenhe TO fenhe;

-- ---- schema public, inside the new database ---------------------------------------------
\connect fenhe

-- PostgreSQL 15 already does this for new databases; older versions and upgraded clusters
-- grant CREATE on schema public to every role
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO fenhe;
GRANT USAGE, CREATE ON SCHEMA public TO fenhe;

\unset QUIET
SELECT d.datname AS database,
       pg_get_userbyid(d.datdba) AS owner,
       pg_encoding_to_char(d.encoding) AS encoding,
       d.datcollate AS collate,
       d.datctype AS ctype,
       n.nspname AS schema,
       pg_get_userbyid(n.nspowner) AS schema_owner
  FROM pg_database d, pg_namespace n
 WHERE d.datname = current_database() AND n.nspname = 'public';
\echo 'Fenhe database ready / 汾河数据库已就绪. JDBC URL: jdbc:postgresql://<db-host>:5432/fenhe'
