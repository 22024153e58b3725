-- P3 废钢铁加工企业奖励资金 (docs/p3-scrap-steel-reward.md).
-- The MIIT announcement list (纳入工信部公告管理的废钢铁加工企业), maintained by the city
-- industry-and-IT bureau in the platform; every change is in fenhe_audit_log.
CREATE TABLE fenhe_scrap_steel_announced (
    credit_code     VARCHAR(18)  NOT NULL PRIMARY KEY,
    enterprise_name VARCHAR(200) NOT NULL,
    announcement    VARCHAR(200),
    added_by        VARCHAR(255) NOT NULL,
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One application per enterprise per period (P3-R07): the row is written in the transaction
-- that starts the case, so a refused or failed start leaves none, and of two concurrent starts
-- the unique key lets one through. A withdrawn case releases its row (re-application allowed).
CREATE TABLE fenhe_scrap_steel_application (
    credit_code         VARCHAR(18)  NOT NULL,
    period              VARCHAR(7)   NOT NULL,
    enterprise_name     VARCHAR(200) NOT NULL,
    county              VARCHAR(20)  NOT NULL,
    applied_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (credit_code, period)
);
