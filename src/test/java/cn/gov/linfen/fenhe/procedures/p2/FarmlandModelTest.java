package cn.gov.linfen.fenhe.procedures.p2;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundModelTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The constants of {@link FarmlandProcess} against the files in processes/ and forms/: no drift.
 */
class FarmlandModelTest {

  static final Path FOLDER = Path.of("processes/p2-farmland-facility");
  static final Path FORMS = Path.of("forms/p2-farmland-facility");
  static BpmnModelInstance filing;
  static BpmnModelInstance inspection;

  @BeforeAll
  static void read() {
    filing = Bpmn.readModelFromFile(FOLDER.resolve("farmland-facility-filing.bpmn").toFile());
    inspection = Bpmn.readModelFromFile(FOLDER.resolve("farmland-inspection.bpmn").toFile());
  }

  @Test
  void the_process_keys_are_the_models_process_ids() {
    assertThat(
            filing
                .getDefinitions()
                .getChildElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class))
        .extracting(BaseElement::getId)
        .containsExactly(FarmlandProcess.KEY);
    assertThat(
            inspection
                .getDefinitions()
                .getChildElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class))
        .extracting(BaseElement::getId)
        .containsExactly(FarmlandProcess.INSPECTION_KEY);
  }

  @Test
  void every_element_constant_names_an_element_of_its_model() throws IllegalAccessException {
    for (String id : SoeReformFundModelTest.constants(FarmlandProcess.Elements.class)) {
      assertThat((Object) filing.getModelElementById(id)).as(id).isNotNull();
    }
    for (String id : SoeReformFundModelTest.constants(FarmlandProcess.InspectionElements.class)) {
      assertThat((Object) inspection.getModelElementById(id)).as(id).isNotNull();
    }
  }

  @Test
  void the_service_tasks_use_exactly_the_topics_of_the_constants() throws IllegalAccessException {
    Set<String> topics = new TreeSet<>();
    Stream.concat(
            filing.getModelElementsByType(ServiceTask.class).stream(),
            inspection.getModelElementsByType(ServiceTask.class).stream())
        .forEach(t -> topics.add(t.getCamundaTopic()));
    assertThat(topics)
        .containsExactlyInAnyOrderElementsOf(
            SoeReformFundModelTest.constants(FarmlandProcess.Topics.class));
  }

  @Test
  void the_objection_message_is_the_one_of_the_model() {
    assertThat(filing.getModelElementsByType(Message.class))
        .extracting(Message::getName)
        .containsExactly(FarmlandProcess.OBJECTION_MESSAGE);
  }

  @Test
  void every_form_constant_is_a_form_and_every_p2_form_is_used()
      throws IllegalAccessException, IOException {
    Set<String> used = new TreeSet<>();
    for (BpmnModelInstance model : List.of(filing, inspection)) {
      model.getModelElementsByType(UserTask.class).forEach(t -> used.add(t.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).stream()
          .filter(s -> s.getCamundaFormRef() != null)
          .forEach(s -> used.add(s.getCamundaFormRef()));
    }
    assertThat(used)
        .containsExactlyInAnyOrderElementsOf(
            SoeReformFundModelTest.constants(FarmlandProcess.Forms.class));
    ObjectMapper json = new ObjectMapper();
    Set<String> files = new TreeSet<>();
    try (Stream<Path> forms = Files.list(FORMS)) {
      for (Path file : forms.toList()) {
        JsonNode form = json.readTree(file.toFile());
        files.add(form.path("id").asText());
      }
    }
    Set<String> expected = new TreeSet<>(used);
    expected.remove(FarmlandProcess.Forms.ESCALATION_FOLLOW_UP); // the shared one, forms/common/
    assertThat(files).isEqualTo(expected);
  }

  @Test
  void the_start_form_asks_for_every_start_variable_of_the_contract() throws IOException {
    JsonNode form = new ObjectMapper().readTree(FORMS.resolve("p2-application.form").toFile());
    Set<String> keys = new TreeSet<>();
    form.path("components").forEach(c -> keys.add(c.path("key").asText()));
    assertThat(keys)
        .contains(
            "operatorName",
            "villageCollective",
            "county",
            "township",
            "village",
            "facilityType",
            "areaMu",
            "landUse",
            "termYears",
            "usesPermanentBasicFarmland");
  }
}
