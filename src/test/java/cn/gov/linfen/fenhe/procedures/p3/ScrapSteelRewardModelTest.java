package cn.gov.linfen.fenhe.procedures.p3;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundModelTest;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Elements;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.RoundElements;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The constants of {@link ScrapSteelRewardProcess} against the files in processes/ and forms/: no
 * drift.
 */
class ScrapSteelRewardModelTest {

  static final Path FOLDER = Path.of("processes/p3-scrap-steel-reward");
  static final Path FORMS = Path.of("forms/p3-scrap-steel-reward");
  static BpmnModelInstance process;
  static BpmnModelInstance round;

  @BeforeAll
  static void read() {
    process = Bpmn.readModelFromFile(FOLDER.resolve("scrap-steel-reward.bpmn").toFile());
    round = Bpmn.readModelFromFile(FOLDER.resolve("scrap-steel-reward-round.bpmn").toFile());
  }

  @Test
  void the_process_keys_are_the_models_process_ids() {
    assertThat(
            process
                .getDefinitions()
                .getChildElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class))
        .extracting(BaseElement::getId)
        .containsExactly(ScrapSteelRewardProcess.KEY);
    assertThat(
            round
                .getDefinitions()
                .getChildElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class))
        .extracting(BaseElement::getId)
        .containsExactly(ScrapSteelRewardProcess.ROUND_KEY);
  }

  @Test
  void every_element_constant_names_an_element_of_its_model() throws IllegalAccessException {
    for (String id : SoeReformFundModelTest.constants(Elements.class)) {
      assertThat((Object) process.getModelElementById(id)).as(id).isNotNull();
    }
    for (String id : SoeReformFundModelTest.constants(RoundElements.class)) {
      if (!id.startsWith("R/")) {
        assertThat((Object) round.getModelElementById(id)).as(id).isNotNull();
      }
    }
    assertThat(round.getModelElementsByType(TimeCycle.class))
        .extracting(TimeCycle::getTextContent)
        .containsExactly(RoundElements.HALF_YEAR_CYCLE);
  }

  @Test
  void the_service_tasks_use_exactly_the_topics_of_the_constants() throws IllegalAccessException {
    Set<String> used = new HashSet<>();
    for (BpmnModelInstance model : List.of(process, round)) {
      model
          .getModelElementsByType(ServiceTask.class)
          .forEach(task -> used.add(task.getCamundaTopic()));
    }
    assertThat(used)
        .containsExactlyInAnyOrderElementsOf(
            SoeReformFundModelTest.constants(ScrapSteelRewardProcess.Topics.class));
  }

  @Test
  void every_form_constant_is_a_form_file_and_every_user_task_uses_one()
      throws IllegalAccessException, IOException {
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files =
        Stream.concat(
            Files.list(FORMS), Stream.of(Path.of("forms/common/escalation-follow-up.form")))) {
      for (Path file : files.toList()) {
        ids.add(json.readTree(file.toFile()).get("id").asText());
      }
    }
    List<String> forms = SoeReformFundModelTest.constants(ScrapSteelRewardProcess.Forms.class);
    assertThat(ids).containsExactlyInAnyOrderElementsOf(forms);
    for (UserTask task : process.getModelElementsByType(UserTask.class)) {
      assertThat(forms).as(task.getId()).contains(task.getCamundaFormRef());
    }
  }
}
