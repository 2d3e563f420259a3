package de.stadtportal.events.event;

import de.stadtportal.events.EventsServiceIntegrationTest;
import de.stadtportal.events.Fixtures;
import org.junit.jupiter.api.BeforeEach;

/**
 * The integration tests that write and read events at one venue: before each test a city of its own
 * (so that what a test counts is only its own) with the Musikforum in it.
 */
abstract class AtMusikforum extends EventsServiceIntegrationTest {

    static final String MUSIKFORUM = "Anneliese Brost Musikforum Ruhr";
    static final double MUSIKFORUM_LAT = 51.4787;
    static final double MUSIKFORUM_LON = 7.2163;

    /** The test's own city, known to the service. */
    protected String city;
    /** The id of the Musikforum in {@link #city}. */
    protected String venue;

    @BeforeEach
    void cityWithMusikforum() {
        city = fixtures.knownCity(Fixtures.newCity("bochum"));
        venue = fixtures.venue(city, MUSIKFORUM, MUSIKFORUM_LAT, MUSIKFORUM_LON);
    }
}
