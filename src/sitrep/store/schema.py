"""The store's schema, as numbered migrations. A database records the version it is at; opening it applies the
migrations it lacks, each in one transaction. Never edit a released migration: add the next one."""
from __future__ import annotations

CATEGORIES = ("killed", "injured", "displaced", "abducted")

_FIGURE_COLUMNS = ",\n".join(f"{c}_{k} BIGINT" for c in CATEGORIES for k in ("low", "best", "high"))

MIGRATIONS: list[str] = [
    # 1: articles with their history, report events with figures and actors, merged events and their links.
    f"""
    CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
    CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        url VARCHAR,
        content_hash VARCHAR NOT NULL,
        title VARCHAR,
        published DATE,
        outlet VARCHAR,
        language VARCHAR,
        text VARCHAR NOT NULL,
        version INTEGER NOT NULL,
        ingested_at TIMESTAMP NOT NULL
    );
    CREATE INDEX articles_url ON articles(url);
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE TABLE article_history (
        article_id VARCHAR NOT NULL,
        version INTEGER NOT NULL,
        content_hash VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        record VARCHAR,
        replaced_at TIMESTAMP NOT NULL
    );
    CREATE TABLE report_events (
        event_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        kind VARCHAR,
        event_type VARCHAR,
        sub_event_type VARCHAR,
        date_start DATE,
        date_end DATE,
        date_precision VARCHAR,
        location_name VARCHAR,
        admin1 VARCHAR,
        admin1_code VARCHAR,
        country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        geonames_id BIGINT,
        where_prec INTEGER,
        claim_source VARCHAR,
        confirmed BOOLEAN,
        confidence DOUBLE,
        evidence VARCHAR,
        record VARCHAR
    );
    CREATE INDEX report_events_article ON report_events(article_id);
    CREATE TABLE figures (
        event_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        category VARCHAR,
        victims VARCHAR,
        min_value BIGINT,
        max_value BIGINT,
        qualifier VARCHAR,
        unit VARCHAR,
        text VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        source VARCHAR,
        confirmed BOOLEAN,
        superseded BOOLEAN
    );
    CREATE INDEX figures_event ON figures(event_id);
    CREATE TABLE actors (
        event_id VARCHAR NOT NULL,
        name VARCHAR,
        role VARCHAR,
        type VARCHAR
    );
    CREATE INDEX actors_event ON actors(event_id);
    CREATE TABLE merged_events (
        merged_id VARCHAR PRIMARY KEY,
        event_type VARCHAR,
        sub_event_type VARCHAR,
        date_start DATE,
        date_end DATE,
        date_precision VARCHAR,
        location_name VARCHAR,
        admin1 VARCHAR,
        country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        where_prec INTEGER,
        geonames_id BIGINT,
        {_FIGURE_COLUMNS},
        killed_civilians BIGINT,
        killed_low_vague BOOLEAN,
        best_unconfirmed BOOLEAN,
        n_reports INTEGER,
        confirmed BOOLEAN,
        actors VARCHAR,
        updated_at TIMESTAMP
    );
    CREATE INDEX merged_country ON merged_events(country);
    CREATE INDEX merged_dates ON merged_events(date_start, date_end);
    CREATE TABLE merge_links (
        event_id VARCHAR PRIMARY KEY,
        merged_id VARCHAR NOT NULL,
        link VARCHAR NOT NULL
    );
    CREATE INDEX merge_links_merged ON merge_links(merged_id);
    """,
    # 2: merged events that lost a report event (its report was updated), for the next merge to redo; with the
    # report events no merged event links yet, they are all an incremental merge has to start from.
    """
    CREATE TABLE merge_dirty (merged_id VARCHAR PRIMARY KEY);
    """,
    # 3: a merged event's province code beside its name: the name is spelt as a report spells it ("Idleb",
    # "Dar'a"), so a filter on a province matches every spelling through the code. Merged events stored before
    # take the code of a report event of theirs. (DuckDB alters no table that has an index: dropped and made again.)
    """
    DROP INDEX merged_country;
    DROP INDEX merged_dates;
    ALTER TABLE merged_events ADD COLUMN admin1_code VARCHAR;
    UPDATE merged_events SET admin1_code = (
        SELECT min(e.admin1_code) FROM merge_links l JOIN report_events e ON e.event_id = l.event_id
        WHERE l.merged_id = merged_events.merged_id AND l.link = 'report' AND e.admin1 = merged_events.admin1);
    CREATE INDEX merged_country ON merged_events(country);
    CREATE INDEX merged_dates ON merged_events(date_start, date_end);
    """,
]
