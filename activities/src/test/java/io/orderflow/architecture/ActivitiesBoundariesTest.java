package io.orderflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md §1: activities may import workflows, the AWS SDK and Micrometer; not Spring. */
@AnalyzeClasses(
    packages = "io.orderflow",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ActivitiesBoundariesTest {

  @ArchTest
  static final ArchRule activitiesStayFreeOfSpring =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework..")
          .because("activities run in any worker process, Spring or not");

  @ArchTest
  static final ArchRule activitiesNeverReachUpIntoWorkersOrApi =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.orderflow.workers..", "io.orderflow.api..");
}
