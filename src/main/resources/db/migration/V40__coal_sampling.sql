-- P4 民用煤煤质抽检 (docs/p4-coal-quality-sampling.md).
-- The register of civil-coal sellers per county (民用煤销售企业、民用煤供应点、型煤生产企业), kept by the
-- county market supervision department; every change is in fenhe_audit_log. A seller removed from
-- the register keeps its row (removed_at) so past plans and coverage stay explainable.
CREATE TABLE fenhe_coal_seller (
    credit_code     VARCHAR(18)  NOT NULL PRIMARY KEY,
    seller_name     VARCHAR(200) NOT NULL,
    seller_kind     VARCHAR(30)  NOT NULL,
    county          VARCHAR(20)  NOT NULL,
    zone            VARCHAR(10)  NOT NULL,
    address         VARCHAR(200),
    registered_by   VARCHAR(255) NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX fenhe_coal_seller_county ON fenhe_coal_seller (county, removed_at);

-- One plan per county and month (P4-R01): the register at the draw, the seed and what was drawn,
-- so an auditor can verify the draw.
CREATE TABLE fenhe_coal_plan (
    county          VARCHAR(20)  NOT NULL,
    sampling_month  VARCHAR(7)   NOT NULL,
    seed            VARCHAR(64)  NOT NULL,
    registered      INT          NOT NULL,
    target          INT          NOT NULL,
    candidates      TEXT         NOT NULL,
    drawn           TEXT         NOT NULL,
    drawn_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (county, sampling_month)
);

-- The sampling ledger (检验台账): one row per seller planned in a month, its state as the case moves.
CREATE TABLE fenhe_coal_sample (
    county          VARCHAR(20)  NOT NULL,
    sampling_month  VARCHAR(7)   NOT NULL,
    credit_code     VARCHAR(18)  NOT NULL,
    origin          VARCHAR(10)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    business_key    VARCHAR(100),
    sampled_on      DATE,
    coal_type       VARCHAR(20),
    conforms        BOOLEAN,
    disposed        BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (county, sampling_month, credit_code)
);
CREATE INDEX fenhe_coal_sample_seller ON fenhe_coal_sample (credit_code, sampling_month);
