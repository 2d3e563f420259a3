-- A projection for the consumer tests: the newest title of each article.
CREATE TABLE test_article (
    id      TEXT PRIMARY KEY,
    title   TEXT NOT NULL,
    version BIGINT NOT NULL
);
