package de.stadtportal.portal.desk;

import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal in front of one stand-in platform (provider and API), shared by the desk's tests of
 * events and venues so that they run in one Spring context; each test makes the events and venues it
 * reads, so none depends on another's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DeskWithFakePlatform {

    static final FakeDeskPlatform PLATFORM = new FakeDeskPlatform();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void deskInFrontOfTheFakePlatform(DynamicPropertyRegistry properties) {
        properties.add("stadtportal.portal.api-url", PLATFORM::url);
        properties.add("stadtportal.portal.public-base-url", () -> "https://www.stadtportal.example");
        properties.add("stadtportal.desk.issuer", PLATFORM::url);
        properties.add("stadtportal.desk.client-secret", () -> FakeDeskPlatform.SECRET);
    }

    DeskBrowser signIn(String subject, List<String> cities) {
        return DeskBrowser.signIn(port, PLATFORM, subject, cities);
    }

    static FakeEventsApi api() {
        return PLATFORM.events();
    }
}
