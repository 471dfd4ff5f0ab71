-- Our own tables, beside Spring Batch's. Idempotent DDL that HSQLDB 2.7 and PostgreSQL 13+ both accept.

-- Residents due on a run (one job instance): staged by the select step, rendered in mailing order later.
-- Personal columns are cleared once the run is complete.
CREATE TABLE IF NOT EXISTS EN_CANDIDATE (
    JOB_INSTANCE_ID   BIGINT       NOT NULL,
    RESIDENT_ID       VARCHAR(32)  NOT NULL,
    STATUS            VARCHAR(16)  NOT NULL,
    HELD_REASON       VARCHAR(400),
    SEQUENCE_NO       INTEGER,
    SEQUENCE_KEY      BIGINT,
    INPUT_LINE        BIGINT       NOT NULL,
    POSTAL_CODE       CHAR(7)      NOT NULL,
    EARLIEST_EXPIRY   DATE         NOT NULL,
    CERTIFICATES      VARCHAR(16)  NOT NULL,
    REASON            VARCHAR(20)  NOT NULL,
    NOTIFIED_KINDS    VARCHAR(16)  NOT NULL,
    NAME              VARCHAR(400),
    NAME_KANA         VARCHAR(400),
    BIRTH_DATE        DATE,
    ADDRESS_TOWN      VARCHAR(400),
    ADDRESS_BLOCK     VARCHAR(400),
    ADDRESS_BUILDING  VARCHAR(400),
    CARD_EXPIRES_ON   DATE         NOT NULL,
    SIGN_ISSUED_ON    DATE,
    SIGN_EXPIRES_ON   DATE,
    SIGN_STATUS       VARCHAR(8),
    AUTH_ISSUED_ON    DATE,
    AUTH_EXPIRES_ON   DATE,
    AUTH_STATUS       VARCHAR(8),
    PRIMARY KEY (JOB_INSTANCE_ID, RESIDENT_ID)
);

-- The letters written, one row each, keyed by the SEQUENCE_KEY of the candidate they were drawn for (LETTER_KEY:
-- the run and the letter's place in the mailing order; a name of its own, so that joined to EN_CANDIDATE each
-- name means one column, as the paging readers need): the file, what the manifest says of it and where it sits in the print
-- bundles. A table of its own, so that recording a letter appends to one index in mailing order; updating the
-- candidate's wide row rewrote it in all three of its indexes, one of them in resident-id order (random on disk).
CREATE TABLE IF NOT EXISTS EN_LETTER (
    LETTER_KEY        BIGINT       NOT NULL PRIMARY KEY,
    LETTER_FILE       VARCHAR(200) NOT NULL,
    PAGES             INTEGER      NOT NULL,
    SHA256            CHAR(64)     NOT NULL,
    CUSTOMER_BARCODE  VARCHAR(67),
    BUNDLE_FILE       VARCHAR(40),
    BUNDLE_FIRST_PAGE INTEGER
);

CREATE TABLE IF NOT EXISTS EN_REJECT (
    JOB_INSTANCE_ID BIGINT        NOT NULL,
    LINE_NO         BIGINT        NOT NULL,
    RESIDENT_ID     VARCHAR(100),
    COLUMN_NAME     VARCHAR(40),
    REASON          VARCHAR(400)  NOT NULL,
    PRIMARY KEY (JOB_INSTANCE_ID, LINE_NO)
);

-- Once per certificate, ever (domain.md §3): written in the same transaction that records the letter.
CREATE TABLE IF NOT EXISTS EN_NOTICE_LEDGER (
    RESIDENT_ID     VARCHAR(32)  NOT NULL,
    KIND            VARCHAR(4)   NOT NULL,
    EXPIRES_ON      DATE         NOT NULL,
    RUN_DATE        DATE         NOT NULL,
    JOB_INSTANCE_ID BIGINT       NOT NULL,
    LETTER_FILE     VARCHAR(200) NOT NULL,
    PRIMARY KEY (RESIDENT_ID, KIND, EXPIRES_ON)
);

-- The run's held residents (held.csv, clearing their personal data; the sequence step paged the mailing order by
-- this index before it loaded the residents already sorted) and reading by sequence (render, verify, bundle,
-- manifest): without these, every page of a large run would scan and sort all the run's rows.
-- SEQUENCE_KEY (RunStore.sequenceKey: the run and its sequence number in one value) is read by range alone: with
-- "JOB_INSTANCE_ID = ? AND SEQUENCE_NO BETWEEN ..." HSQLDB's planner takes the index with the most equal columns
-- (the mailing one) and walks all the run's rows for every page.
CREATE INDEX IF NOT EXISTS EN_CANDIDATE_MAILING ON EN_CANDIDATE (JOB_INSTANCE_ID, STATUS, POSTAL_CODE, RESIDENT_ID);
CREATE INDEX IF NOT EXISTS EN_CANDIDATE_SEQUENCE_KEY ON EN_CANDIDATE (SEQUENCE_KEY);
DROP INDEX IF EXISTS EN_CANDIDATE_SEQUENCE;
