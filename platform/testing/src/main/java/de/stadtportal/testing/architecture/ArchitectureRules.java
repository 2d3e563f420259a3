package de.stadtportal.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Rules every service holds itself to. The domain is plain Java: it decides, and the layers around
 * it store, publish and serve. Use them from a test with {@code @ArchTest}.
 */
public final class ArchitectureRules {

    /** Nothing in a {@code ..domain..} package knows Spring, R2DBC, Kafka or Reactor. */
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "io.r2dbc..", "org.apache.kafka..", "reactor..", "io.cloudevents..",
                    "tools.jackson..", "com.fasterxml.jackson.databind..")
            .because("the domain decides; storing, publishing and serving happen around it")
            .allowEmptyShould(true);

    private ArchitectureRules() {
    }
}
