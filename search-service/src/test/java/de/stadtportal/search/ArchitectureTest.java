package de.stadtportal.search;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import de.stadtportal.testing.architecture.ArchitectureRules;

/** The search service holds the one shape of docs/architecture.md, rule by rule. */
@AnalyzeClasses(packages = "de.stadtportal.search", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests shape = ArchTests.in(ArchitectureRules.class);
}
