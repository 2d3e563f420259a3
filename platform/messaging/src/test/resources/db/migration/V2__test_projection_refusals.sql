-- A deterministic failure for the consumer tests: the database refuses some titles, every time,
-- with a raised exception (SQLSTATE P0001), which the driver reports as a "non-transient resource"
-- failure, the type it also uses for a lost connection.
CREATE FUNCTION test_article_refuse() RETURNS trigger AS $$
BEGIN
    IF NEW.title LIKE 'Abgelehnt%' THEN
        RAISE EXCEPTION 'the projection refuses article %', NEW.id;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER test_article_refusals BEFORE INSERT OR UPDATE ON test_article
    FOR EACH ROW EXECUTE FUNCTION test_article_refuse();
