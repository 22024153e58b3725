package cn.gov.linfen.fenhe.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.engine.FenheEnginePlugin;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.example.ExampleRegistrationProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every model and form in processes/ and forms/ is deployed at start-up, once. */
class AllModelsDeployedTest extends IntegrationTest {

  @Autowired RepositoryService repositoryService;

  @Test
  void every_bpmn_dmn_and_form_file_is_deployed_by_the_platform() throws IOException {
    List<Deployment> deployments =
        repositoryService
            .createDeploymentQuery()
            .deploymentName(FenheEnginePlugin.DEPLOYMENT_NAME)
            .list();
    assertThat(deployments).isNotEmpty();
    Set<String> deployed =
        deployments.stream()
            .flatMap(d -> repositoryService.getDeploymentResources(d.getId()).stream())
            .map(Resource::getName)
            .map(name -> Path.of(name).getFileName().toString())
            .collect(Collectors.toSet());
    for (Path file : ModelRulesTest.files(ModelRulesTest.PROCESSES, ".bpmn")) {
      assertThat(deployed).contains(file.getFileName().toString());
    }
    for (Path file : ModelRulesTest.files(ModelRulesTest.PROCESSES, ".dmn")) {
      assertThat(deployed).contains(file.getFileName().toString());
    }
    for (Path file : ModelRulesTest.files(ModelRulesTest.FORMS, ".form")) {
      assertThat(deployed).contains(file.getFileName().toString());
    }
  }

  @Test
  void the_example_constants_match_the_model() {
    BpmnModelInstance model =
        repositoryService.getBpmnModelInstance(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(ExampleRegistrationProcess.KEY)
                .latestVersion()
                .singleResult()
                .getId());
    for (String id :
        List.of(
            ExampleRegistrationProcess.Elements.START,
            ExampleRegistrationProcess.Elements.REVIEW,
            ExampleRegistrationProcess.Elements.RECORD,
            ExampleRegistrationProcess.Elements.END_REGISTERED,
            ExampleRegistrationProcess.Elements.END_REJECTED)) {
      assertThat((Object) model.getModelElementById(id)).as(id).isNotNull();
    }
    assertThat(
            ((org.camunda.bpm.model.bpmn.instance.ServiceTask)
                    model.getModelElementById(ExampleRegistrationProcess.Elements.RECORD))
                .getCamundaTopic())
        .isEqualTo(ExampleRegistrationProcess.Topics.RECORD_REGISTRATION);
  }
}
