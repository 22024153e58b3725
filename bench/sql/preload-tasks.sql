-- Preload for part 3 (task list at scale), straight into the engine's tables of a schema the app
-- created (ACT_* of Camunda 7.24). psql variables: open (open tasks), hist (historic task instances),
-- auth (1 = write the per-task group authorizations the engine writes for candidate groups; the
-- bare baseline runs without authorization, 0 is fine there).
-- Shape: one process instance (root execution) per open task, of the deployed soe-reform-fund
-- definition; each task of one of P1's 13 group steps, candidate group of that step (10 groups,
-- round robin), due dates spread evenly from 30 days ago to 60 days ahead (every 5th task
-- without a due date), created up to 30 days ago; grants READ|TASK_WORK (16386) to the group
-- on the task, exactly as the engine does. Historic tasks: completed, same spread of keys.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_steps (n int, task_key text, name text, grp text) ON COMMIT DROP;
INSERT INTO bench_steps VALUES
 (0,'UserTask_SupervisingDepartmentReview','企业主管部门初审','supervising-department'),
 (1,'UserTask_CompletenessCheck','市企改办材料完整性初审','reform-office'),
 (2,'UserTask_HrssReview','市人社局审核经济补偿金、养老保险和工伤保险','hrss-bureau'),
 (3,'UserTask_MedicalInsuranceReview','市医保局审核职工医保拖欠费用','medical-insurance-bureau'),
 (4,'UserTask_HealthCommissionReview','市卫健委审核独生子女费','health-commission'),
 (5,'UserTask_SasacReview','市国资委审核“4050”以上生活补助及其他费用','sasac'),
 (6,'UserTask_FiscalReview','市财政局财政评审（财政垫资）','finance-bureau'),
 (7,'UserTask_MunicipalGovernmentSignOff','市政府审签','municipal-government'),
 (8,'UserTask_TransferFunds','济林公司与企业主管部门完成资金划转','jilin-investment'),
 (9,'UserTask_GovernmentProcurement','企业主管部门履行政府采购程序（财政垫资）','industry-it-bureau');
CREATE TEMP TABLE bench_def ON COMMIT DROP AS
  SELECT id_ FROM act_re_procdef WHERE key_ = 'soe-reform-fund' ORDER BY version_ DESC LIMIT 1;

INSERT INTO act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, parent_id_, proc_def_id_,
  act_id_, act_inst_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_,
  sequence_counter_, proc_def_key_)
SELECT 'bench-x-' || g, 1, 'bench-x-' || g, 'bench-x-' || g, 'BENCH-' || g, NULL, d.id_,
  s.task_key, s.task_key || ':bench-' || g, true, false, true, false, 1, 0, 1, 'soe-reform-fund'
FROM generate_series(1, :open) g CROSS JOIN bench_def d JOIN bench_steps s ON s.n = g % 10;

INSERT INTO act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_, priority_,
  create_time_, last_updated_, due_date_, suspension_state_, task_state_)
SELECT 'bench-t-' || g, 1, 'bench-x-' || g, 'bench-x-' || g, d.id_, s.name, s.task_key, 50,
  localtimestamp - ((g % 43200) || ' minutes')::interval, NULL,
  CASE WHEN g % 5 = 0 THEN NULL
       ELSE date_trunc('minute', localtimestamp) - interval '30 days' + (((g * 7919) % 129600) || ' minutes')::interval END,
  1, 'Created'
FROM generate_series(1, :open) g CROSS JOIN bench_def d JOIN bench_steps s ON s.n = g % 10;

INSERT INTO act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)
SELECT 'bench-l-' || g, 1, s.grp, 'candidate', 'bench-t-' || g
FROM generate_series(1, :open) g JOIN bench_steps s ON s.n = g % 10;

INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
SELECT 'bench-a-' || g, 1, 1, s.grp, 7, 'bench-t-' || g, 16386
FROM generate_series(1, :open) g JOIN bench_steps s ON s.n = g % 10 WHERE :auth = 1;

INSERT INTO act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
  execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_, delete_reason_, priority_, due_date_,
  task_state_)
SELECT 'bench-h-' || g, s.task_key, 'soe-reform-fund', d.id_, 'bench-hp-' || (g / 14), 'bench-hp-' || (g / 14),
  'bench-hp-' || (g / 14), s.task_key || ':bench-h-' || g, s.name, 'demo-' || s.grp,
  localtimestamp - interval '400 days' + ((g % 525600) || ' minutes')::interval,
  localtimestamp - interval '400 days' + ((g % 525600) || ' minutes')::interval + interval '2 days', 172800000,
  'completed', 50, localtimestamp - interval '400 days' + ((g % 525600) || ' minutes')::interval + interval '3 days',
  'Completed'
FROM generate_series(1, :hist) g CROSS JOIN bench_def d JOIN bench_steps s ON s.n = g % 10;
COMMIT;
ANALYZE act_ru_execution; ANALYZE act_ru_task; ANALYZE act_ru_identitylink; ANALYZE act_ru_authorization; ANALYZE act_hi_taskinst;
