package de.stadtportal.identity;

import de.stadtportal.testing.infrastructure.RealInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The provider on a random port with its own database on the JVM's real PostgreSQL (the shared test
 * infrastructure names it for Flyway; the provider's JDBC pool takes the same). All integration tests
 * share these properties, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${spring.flyway.url}",
        "spring.datasource.username=${spring.flyway.user}",
        "spring.datasource.password=${spring.flyway.password}",
        "stadtportal.identity.issuer=http://identity.test",
        "stadtportal.identity.sign-in.free-failures-per-user=3",
        "stadtportal.identity.sign-in.free-failures-per-address=6",
        "stadtportal.identity.machine-clients.stadtportal-cli.roles=editor",
        "stadtportal.identity.machine-clients.stadtportal-cli.cities=bochum,herne",
        "stadtportal.identity.seed.admin-password=" + AccountAdminIT.ADMIN_PASSWORD,
        "stadtportal.identity.seed.cities=dortmund"})
@RealInfrastructure
public @interface IdentityTest {
}
