-- Official documents (公文, docs/documents.md): the documents issued with a number (文号) and the
-- counter per document kind and year the numbers are taken from.

-- One row per series and year (a series is a document kind, or a kind per issuer such as a township's
-- filings); next_seq is the number the next document of the series gets. A number
-- is taken by UPDATE … SET next_seq = next_seq + 1 in the transaction that issues the document: the
-- row lock serialises issuers, and a rolled-back issue gives its number back.
CREATE TABLE fenhe_document_counter (
    series      VARCHAR(128) NOT NULL,
    doc_year    INTEGER      NOT NULL,
    next_seq    INTEGER      NOT NULL,
    PRIMARY KEY (series, doc_year)
);

-- One row per issued document: one per case and kind (a retry finds it), one per number.
-- sha256 is the PDF's hash, recorded when it is first produced.
CREATE TABLE fenhe_document (
    business_key  VARCHAR(255) NOT NULL,
    kind          VARCHAR(64)  NOT NULL,
    series        VARCHAR(128) NOT NULL,
    doc_number    VARCHAR(200) NOT NULL,
    doc_year      INTEGER      NOT NULL,
    seq           INTEGER      NOT NULL,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by     VARCHAR(255) NOT NULL,
    sha256        VARCHAR(64),
    PRIMARY KEY (business_key, kind),
    CONSTRAINT uq_fenhe_document_seq UNIQUE (series, doc_year, seq),
    CONSTRAINT uq_fenhe_document_number UNIQUE (doc_number)
);
