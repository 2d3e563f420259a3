-- The starts of each event, listed so that a page of GET /api/events reads occurrences in start order
-- with a LIMIT instead of expanding the rule of every event that might have one (a series without
-- end always might). end_at is start + duration; equal to start_at for an event that is a moment.
CREATE TABLE occurrence (
    event_id UUID        NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    start_at TIMESTAMPTZ NOT NULL,
    end_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, start_at)
);

-- Pages in order of start (and event id, the cursor's second half).
CREATE INDEX occurrence_by_start ON occurrence (start_at, event_id);
-- Occurrences that began before a window opens and still run in it.
CREATE INDEX occurrence_running ON occurrence USING gist (tstzrange(start_at, end_at, '[)'));

-- What the listing of an event covers: a window [from, to) is answered from occurrence alone when
-- listed_from <= from and to <= listed_until; for the rest the service expands the event's rule.
-- '-infinity'/'infinity' for a listing without bound; a row not yet listed has listed_until
-- '-infinity' (covers no window). A series without end is listed a fixed time ahead and listed
-- again by the service before its listing runs out.
ALTER TABLE event
    ADD COLUMN listed_from  TIMESTAMPTZ NOT NULL DEFAULT '-infinity',
    ADD COLUMN listed_until TIMESTAMPTZ NOT NULL DEFAULT '-infinity';

CREATE INDEX event_listed_until ON event (listed_until);
CREATE INDEX event_listed_from ON event (listed_from);

-- One-off events are listed here; series are listed by the service itself when it starts.
INSERT INTO occurrence (event_id, start_at, end_at)
SELECT id, start_at,
       COALESCE(end_at, CASE WHEN all_day THEN start_at + interval '24 hours' ELSE start_at END)
FROM event
WHERE rrule IS NULL;

UPDATE event SET listed_until = 'infinity' WHERE rrule IS NULL;
