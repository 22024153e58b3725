package cn.gov.linfen.fenhe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.FenheApplication;
import cn.gov.linfen.fenhe.workers.example.ExampleRegistrationProcess;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The first-run default: an embedded H2 file database whose data survives a restart. */
@Tag("own-context") // starts applications of its own: runs in a JVM of its own
class EmbeddedH2RestartTest {

  @TempDir Path dataDir;

  private ConfigurableApplicationContext start() {
    // command-line arguments: they outrank application.yaml (builder properties are only defaults,
    // so server.port would stay 8080 and fail when anything else on the machine listens there).
    // An engine name of its own: closing this context must not unregister the engine "default"
    // of the integration tests' shared context, which runs in the same JVM.
    return new SpringApplicationBuilder(FenheApplication.class)
        .profiles("demo", "test")
        .run(
            "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("fenhe") + ";MODE=LEGACY",
            "--server.port=0",
            "--camunda.bpm.process-engine-name=h2RestartTest");
  }

  @Test
  void a_started_case_is_still_there_after_a_restart_and_unchanged_models_are_not_redeployed() {
    String instanceId;
    long definitions;
    try (ConfigurableApplicationContext first = start()) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      instanceId =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  ExampleRegistrationProcess.KEY,
                  "RESTART-1",
                  Map.of("enterpriseName", "临汾重启测试有限公司", "creditCode", "91141000MA0KABCD1W"))
              .getId();
      definitions = engine.getRepositoryService().createProcessDefinitionQuery().count();
    }
    try (ConfigurableApplicationContext second = start()) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(instanceId)
                  .count())
          .isEqualTo(1);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).count())
          .isEqualTo(1);
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count())
          .isEqualTo(definitions);
      assertThat(engine.getIdentityService().createUserQuery().userId("demo-reform-office").count())
          .isEqualTo(1);
    }
  }
}
