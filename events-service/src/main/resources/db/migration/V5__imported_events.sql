-- Which event an iCalendar import made of which UID (RFC 5545's persistent id of a VEVENT), per city:
-- importing the same calendar again leaves the events it made as they are instead of making them twice.
-- A row goes with its event: delete the event and the next import makes it anew.
CREATE TABLE imported_event (
    city        TEXT        NOT NULL,
    uid         TEXT        NOT NULL,
    event_id    UUID        NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    imported_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (city, uid)
);

-- The cascade from event finds its row by this.
CREATE INDEX imported_event_by_event ON imported_event (event_id);
