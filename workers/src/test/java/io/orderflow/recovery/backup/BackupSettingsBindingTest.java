package io.orderflow.recovery.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.workers.config.OrderflowProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code orderflow.backup.*} as operators write it (docs/runbooks/backup.md) binds as meant. */
class BackupSettingsBindingTest {

  private static OrderflowProperties.Backup bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bind("orderflow.backup", OrderflowProperties.Backup.class)
        .orElseGet(OrderflowProperties.Backup::defaults);
  }

  @Test
  @DisplayName("with nothing set, backups go to the local directory and the native path is off")
  void defaultsToTheDirectory() {
    OrderflowProperties.Backup backup = bind(Map.of());

    assertThat(backup.store()).isEqualTo(OrderflowProperties.Backup.Store.DIRECTORY);
    assertThat(backup.directory()).isEqualTo("local-stack/data/backups");
    assertThat(backup.nativeBackup().enabled()).isFalse();
  }

  @Test
  @DisplayName("store: s3 with bucket, prefix and native.* binds, native despite the Java keyword")
  void bindsTheS3StoreAndTheNativePath() {
    OrderflowProperties.Backup backup =
        bind(
            Map.of(
                "orderflow.backup.store", "s3",
                "orderflow.backup.bucket", "orderflow-prod-archive",
                "orderflow.backup.prefix", "exports",
                "orderflow.backup.native.enabled", "true",
                "orderflow.backup.native.poll-interval", "30s"));

    assertThat(backup.store()).isEqualTo(OrderflowProperties.Backup.Store.S3);
    assertThat(backup.bucket()).isEqualTo("orderflow-prod-archive");
    assertThat(backup.prefix()).isEqualTo("exports");
    assertThat(backup.endpoint()).isEmpty();
    assertThat(backup.nativeBackup().enabled()).isTrue();
    assertThat(backup.nativeBackup().pollInterval()).isEqualTo(Duration.ofSeconds(30));
  }
}
