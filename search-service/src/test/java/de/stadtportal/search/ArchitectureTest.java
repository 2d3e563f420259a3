package de.stadtportal.search;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import de.stadtportal.testing.architecture.ArchitectureRules;

@AnalyzeClasses(packages = "de.stadtportal.search")
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;
}
