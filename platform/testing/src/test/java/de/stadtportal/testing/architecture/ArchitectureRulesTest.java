package de.stadtportal.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules catch what they are meant to catch: a sample service in the shape passes all of them,
 * and a sample that breaks each one is caught by it. The samples live in this test tree.
 */
class ArchitectureRulesTest {

    private static final String SAMPLES = "de.stadtportal.testing.architecture.sample";

    private final JavaClasses good = new ClassFileImporter().importPackages(SAMPLES + ".good");
    private final JavaClasses bad = new ClassFileImporter().importPackages(SAMPLES + ".bad");

    private static final List<ArchRule> ALL = List.of(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA,
            ArchitectureRules.DOMAIN_KNOWS_ONLY_ITSELF, ArchitectureRules.APPLICATION_KNOWS_NO_HTTP,
            ArchitectureRules.PERSISTENCE_IS_NOT_WEB, ArchitectureRules.WEB_GOES_THROUGH_APPLICATION,
            ArchitectureRules.SQL_LIVES_IN_PERSISTENCE, ArchitectureRules.FEATURES_ARE_FREE_OF_CYCLES);

    @Test
    void a_feature_in_the_shape_passes_every_rule() {
        assertThat(ALL).allSatisfy(rule -> assertThat(rule.evaluate(good).hasViolation())
                .as(rule.getDescription()).isFalse());
    }

    @Test
    void a_domain_that_knows_spring_or_the_contracts_is_caught() {
        assertThat(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA.evaluate(bad).hasViolation()).isTrue();
        assertThat(ArchitectureRules.DOMAIN_KNOWS_ONLY_ITSELF.evaluate(bad).hasViolation()).isTrue();
    }

    @Test
    void a_use_case_that_takes_a_web_body_is_caught() {
        assertThat(ArchitectureRules.APPLICATION_KNOWS_NO_HTTP.evaluate(bad).getFailureReport().getDetails())
                .anyMatch(line -> line.contains("BasketService") && line.contains("BasketRequest"));
    }

    @Test
    void storage_that_knows_a_request_and_a_request_that_reads_storage_are_caught() {
        assertThat(ArchitectureRules.PERSISTENCE_IS_NOT_WEB.evaluate(bad).hasViolation()).isTrue();
        assertThat(ArchitectureRules.WEB_GOES_THROUGH_APPLICATION.evaluate(bad).hasViolation()).isTrue();
    }

    @Test
    void two_features_that_lean_on_each_other_are_caught() {
        assertThat(ArchitectureRules.FEATURES_ARE_FREE_OF_CYCLES.evaluate(
                new ClassFileImporter().importPackages(SAMPLES + ".bad")).hasViolation()).isTrue();
    }
}
