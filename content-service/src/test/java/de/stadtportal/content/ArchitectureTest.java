package de.stadtportal.content;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import de.stadtportal.testing.architecture.ArchitectureRules;

@AnalyzeClasses(packages = "de.stadtportal.content", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_is_plain_java = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;
}
