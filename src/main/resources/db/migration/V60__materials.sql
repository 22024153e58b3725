-- 材料 (docs/materials.md): documents handed in to a case. The metadata here, the bytes in
-- fenhe_material_content behind the MaterialStore interface (an object store could replace it).
-- A row is never deleted once attached to a case: a replaced file keeps its row, replaced_by names
-- its successor. A pending upload (made from a start form before the case exists) has no case yet
-- (process_instance_id null) and pending_until set; expired pending uploads are removed.
CREATE TABLE fenhe_material (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    process_key         VARCHAR(100) NOT NULL,
    business_key        VARCHAR(255),
    process_instance_id VARCHAR(64),
    type                VARCHAR(64)  NOT NULL,
    file_name           VARCHAR(255) NOT NULL,
    size_bytes          BIGINT       NOT NULL,
    sha256              CHAR(64)     NOT NULL,
    content_type        VARCHAR(100) NOT NULL,
    uploaded_by         VARCHAR(255) NOT NULL,
    uploaded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    step                VARCHAR(100) NOT NULL,
    replaced_by         VARCHAR(36),
    pending_until       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX fenhe_material_case ON fenhe_material (process_instance_id, type);
CREATE INDEX fenhe_material_business_key ON fenhe_material (business_key);
CREATE INDEX fenhe_material_pending ON fenhe_material (pending_until);

CREATE TABLE fenhe_material_content (
    id      VARCHAR(36) NOT NULL PRIMARY KEY,
    content BYTEA       NOT NULL
);
