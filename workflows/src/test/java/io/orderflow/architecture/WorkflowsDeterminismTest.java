package io.orderflow.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.orderflow.architecture.violations.Violations;
import io.orderflow.order.workflow.OrderWorkflowImpl;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workflows module is replayed by Temporal, so it must stay deterministic and free of I/O: no
 * Spring, no AWS SDK, no network or files, no wall clock, no randomness, no sleeping outside {@code
 * Workflow.*}. Each rule is also shown to catch a class that breaks it.
 */
class WorkflowsDeterminismTest {

  private static final String CORE = "io.orderflow..";

  /** This module's main classes: the directory (or jar) that holds {@link OrderWorkflowImpl}. */
  private static final JavaClasses MAIN_CLASSES =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importUrl(OrderWorkflowImpl.class.getProtectionDomain().getCodeSource().getLocation());

  private static final JavaClasses VIOLATIONS =
      new ClassFileImporter().importPackagesOf(Violations.class);

  static final ArchRule NO_SPRING =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework..")
          .because("Spring lives in workers and api, never in deterministic workflow code");

  static final ArchRule NO_AWS_SDK =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("software.amazon..")
          .because("AWS calls are side effects and belong in activities");

  static final ArchRule NO_NETWORK =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("java.net..")
          .because("network calls are side effects and belong in activities");

  static final ArchRule NO_FILES =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(File.class, FileInputStream.class, FileOutputStream.class)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("java.nio.file..")
          .because("file I/O is a side effect and belongs in activities");

  static final ArchRule NO_WALL_CLOCK =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .callMethodWhere(nowOfJavaTime())
          .orShould()
          .callMethodWhere(target(owner(assignableTo(Clock.class))))
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(System.class, "nanoTime")
          .because("a replay must see the same time: use Workflow.currentTimeMillis()");

  static final ArchRule NO_RANDOMNESS =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .callMethod(UUID.class, "randomUUID")
          .orShould()
          .callConstructorWhere(target(owner(assignableTo(Random.class))))
          .orShould()
          .callMethod(Math.class, "random")
          .because("a replay must see the same values: use Workflow.randomUUID()/newRandom()");

  static final ArchRule NO_THREAD_SLEEP =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .callMethod(Thread.class, "sleep", long.class)
          .orShould()
          .callMethodWhere(target(owner(assignableTo(Thread.class))).and(target(name("sleep"))))
          .because("a workflow waits with Workflow.sleep() or Workflow.await()");

  @Test
  void theRulesSeeTheMainClassesOfThisModule() {
    assertThat(MAIN_CLASSES.contain(OrderWorkflowImpl.class)).isTrue();
    assertThat(MAIN_CLASSES.stream().map(JavaClass::getPackageName))
        .allMatch(p -> p.startsWith("io.orderflow"))
        .noneMatch(p -> p.startsWith("io.orderflow.architecture"));
  }

  @Test
  void noClassDependsOnSpring() {
    NO_SPRING.check(MAIN_CLASSES);
  }

  @Test
  void noClassDependsOnTheAwsSdk() {
    NO_AWS_SDK.check(MAIN_CLASSES);
  }

  @Test
  void noClassDependsOnTheNetwork() {
    NO_NETWORK.check(MAIN_CLASSES);
  }

  @Test
  void noClassDependsOnFiles() {
    NO_FILES.check(MAIN_CLASSES);
  }

  @Test
  void noClassReadsTheWallClock() {
    NO_WALL_CLOCK.check(MAIN_CLASSES);
  }

  @Test
  void noClassUsesUncontrolledRandomness() {
    NO_RANDOMNESS.check(MAIN_CLASSES);
  }

  @Test
  void noClassSleepsTheThread() {
    NO_THREAD_SLEEP.check(MAIN_CLASSES);
  }

  static Stream<Arguments> violations() {
    return Stream.of(
        Arguments.of("NO_SPRING", NO_SPRING, Violations.UsesSpring.class),
        Arguments.of("NO_AWS_SDK", NO_AWS_SDK, Violations.UsesAws.class),
        Arguments.of("NO_NETWORK", NO_NETWORK, Violations.UsesNetwork.class),
        Arguments.of("NO_FILES", NO_FILES, Violations.ReadsFile.class),
        Arguments.of("NO_FILES", NO_FILES, Violations.OpensFileStream.class),
        Arguments.of("NO_FILES", NO_FILES, Violations.WritesFileStream.class),
        Arguments.of("NO_FILES", NO_FILES, Violations.UsesNioFiles.class),
        Arguments.of("NO_WALL_CLOCK", NO_WALL_CLOCK, Violations.CallsInstantNow.class),
        Arguments.of("NO_WALL_CLOCK", NO_WALL_CLOCK, Violations.CallsLocalDateTimeNow.class),
        Arguments.of("NO_WALL_CLOCK", NO_WALL_CLOCK, Violations.CallsClock.class),
        Arguments.of("NO_WALL_CLOCK", NO_WALL_CLOCK, Violations.CallsCurrentTimeMillis.class),
        Arguments.of("NO_WALL_CLOCK", NO_WALL_CLOCK, Violations.CallsNanoTime.class),
        Arguments.of("NO_RANDOMNESS", NO_RANDOMNESS, Violations.CallsRandomUuid.class),
        Arguments.of("NO_RANDOMNESS", NO_RANDOMNESS, Violations.ConstructsRandom.class),
        Arguments.of("NO_RANDOMNESS", NO_RANDOMNESS, Violations.ConstructsSecureRandom.class),
        Arguments.of("NO_THREAD_SLEEP", NO_THREAD_SLEEP, Violations.Sleeps.class));
  }

  @ParameterizedTest(name = "{0} catches {2}")
  @MethodSource("violations")
  void eachRuleCatchesAClassThatBreaksIt(String ruleName, ArchRule rule, Class<?> violator) {
    JavaClasses offending = VIOLATIONS.that(equivalentTo(violator));

    assertThat(rule.evaluate(offending).hasViolation())
        .as("%s must reject %s", ruleName, violator.getSimpleName())
        .isTrue();
  }

  private static DescribedPredicate<JavaMethodCall> nowOfJavaTime() {
    return DescribedPredicate.describe(
        "now() of a java.time type",
        call ->
            call.getTarget().getName().equals("now")
                && call.getTargetOwner().getPackageName().equals("java.time"));
  }
}
