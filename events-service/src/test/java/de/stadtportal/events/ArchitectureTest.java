package de.stadtportal.events;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import de.stadtportal.testing.architecture.ArchitectureRules;

/** The service holds the one shape of docs/architecture.md: every rule of the platform, none left out. */
@AnalyzeClasses(packages = "de.stadtportal.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests shape = ArchTests.in(ArchitectureRules.class);
}
