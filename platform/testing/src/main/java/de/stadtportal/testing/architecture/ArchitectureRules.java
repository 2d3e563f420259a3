package de.stadtportal.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * The shape every service holds itself to (docs/architecture.md). A service is made of features
 * ({@code de.stadtportal.<service>.<feature>}), each in the same layers: {@code domain} decides,
 * {@code application} orchestrates, {@code persistence} stores, {@code web} and {@code listener}
 * take requests and records in. Use them all from a test with
 * {@code @ArchTest static final ArchTests shape = ArchTests.in(ArchitectureRules.class);}.
 */
public final class ArchitectureRules {

    /** Nothing in a {@code ..domain..} package knows Spring, R2DBC, Kafka, Reactor or JSON. */
    @ArchTest
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "io.r2dbc..", "org.apache.kafka..", "reactor..", "io.cloudevents..",
                    "tools.jackson..", "com.fasterxml.jackson.databind..")
            .because("the domain decides; storing, publishing and serving happen around it")
            .allowEmptyShould(true);

    /**
     * The domain returns its own events and knows nothing of the layers around it: the application
     * layer maps them to the contracts other services read.
     */
    @ArchTest
    public static final ArchRule DOMAIN_KNOWS_ONLY_ITSELF = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "de.stadtportal.contracts..", "de.stadtportal.messaging..", "de.stadtportal.web..",
                    "..application..", "..persistence..", "..web..", "..listener..")
            .because("a contract changes when other services need it to, a rule when the city does")
            .allowEmptyShould(true);

    /**
     * The application layer takes typed commands and queries and answers with results or
     * refusals; turning HTTP into them and them into HTTP is the web layer's job.
     */
    @ArchTest
    public static final ArchRule APPLICATION_KNOWS_NO_HTTP = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.http..", "org.springframework.web..", "de.stadtportal.web..",
                    "..web..", "..listener..")
            .because("a use case is the same whether a browser, a Kafka record or a timer starts it")
            .allowEmptyShould(true);

    /** Storage is reached through the application layer's use cases, never straight from a request. */
    @ArchTest
    public static final ArchRule PERSISTENCE_IS_NOT_WEB = noClasses()
            .that().resideInAPackage("..persistence..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.http..", "org.springframework.web..", "de.stadtportal.web..",
                    "..web..", "..listener..")
            .because("rows know nothing of the requests that read them")
            .allowEmptyShould(true);

    /** A controller asks a use case; it does not run SQL itself. */
    @ArchTest
    public static final ArchRule WEB_GOES_THROUGH_APPLICATION = noClasses()
            .that().resideInAnyPackage("..web..", "..listener..")
            .and().resideOutsideOfPackage("de.stadtportal.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..persistence..", "io.r2dbc..",
                    "org.springframework.r2dbc..")
            .because("what a request may read is decided in one place, the application layer")
            .allowEmptyShould(true);

    /** SQL lives in persistence, where its statements can be read and measured together. */
    @ArchTest
    public static final ArchRule SQL_LIVES_IN_PERSISTENCE = noClasses()
            .that().resideOutsideOfPackages("..persistence..", "de.stadtportal.messaging..",
                    "de.stadtportal.testing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.r2dbc.core..", "io.r2dbc..")
            .because("a statement is easiest to review and to tune next to the others on the same tables")
            .allowEmptyShould(true);

    /** Features may use each other's application layer, but never in a circle. */
    @ArchTest
    public static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = slices()
            .assignedFrom(new Features())
            .should().beFreeOfCycles()
            .allowEmptyShould(true);

    private static final List<String> LAYERS = List.of("domain", "application", "persistence", "web", "listener");

    /**
     * A class's feature is the package that holds its layers ({@code content.article} for
     * {@code content.article.web.ArticleController}), or for a class outside any layer the package
     * right below its service; a service's root package (wiring) belongs to no feature.
     */
    private static final class Features implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            List<String> parts = List.of(javaClass.getPackageName().split("\\."));
            for (int i = 1; i < parts.size(); i++) {
                if (LAYERS.contains(parts.get(i))) {
                    return SliceIdentifier.of(String.join(".", parts.subList(0, i)));
                }
            }
            return parts.size() >= 4 ? SliceIdentifier.of(String.join(".", parts.subList(0, 4)))
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "features";
        }
    }

    private ArchitectureRules() {
    }
}
