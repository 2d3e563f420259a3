-- Each version of an event announces its next ten starts (EventPublished.nextOccurrences). For a
-- series that goes on beyond them, announce_again_at is the sixth of those starts: once it has
-- begun, SeriesAnnouncements publishes the series again with its next ten, so readers of
-- events.events.v1 (search) never run out of upcoming starts. NULL: every start is announced.
ALTER TABLE event ADD COLUMN announce_again_at TIMESTAMPTZ;

-- Series stored before this column: announced again by the first pass.
UPDATE event SET announce_again_at = now()
WHERE rrule IS NOT NULL AND (series_end IS NULL OR series_end > now());

CREATE INDEX event_announce_again ON event (announce_again_at) WHERE announce_again_at IS NOT NULL;
