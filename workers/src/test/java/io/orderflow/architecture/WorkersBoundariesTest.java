package io.orderflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md §1: nothing imports api; the worker process stands without it. */
@AnalyzeClasses(
    packages = "io.orderflow.workers",
    importOptions = {ImportOption.DoNotIncludeTests.class})
class WorkersBoundariesTest {

  @ArchTest
  static final ArchRule workersNeverImportTheApi =
      noClasses().should().dependOnClassesThat().resideInAPackage("io.orderflow.api..");
}
