package cn.gov.linfen.fenhe.procedures.p1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The constants of {@link SoeReformFundProcess} against the files in processes/ and forms/: no
 * drift.
 */
public class SoeReformFundModelTest {

  static final Path FOLDER = Path.of("processes/p1-soe-reform-fund");
  static final Path FORMS = Path.of("forms/p1-soe-reform-fund");
  static BpmnModelInstance process;
  static BpmnModelInstance evaluation;

  @BeforeAll
  static void read() {
    process = Bpmn.readModelFromFile(FOLDER.resolve("soe-reform-fund.bpmn").toFile());
    evaluation = Bpmn.readModelFromFile(FOLDER.resolve("soe-reform-fund-evaluation.bpmn").toFile());
  }

  public static List<String> constants(Class<?> type) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }

  @Test
  void the_process_keys_are_the_models_process_ids() {
    assertThat(
            process
                .getDefinitions()
                .getChildElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class))
        .extracting(BaseElement::getId)
        .containsExactly(SoeReformFundProcess.KEY);
    assertThat(
            evaluation
                .getDefinitions()
                .getChildElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class))
        .extracting(BaseElement::getId)
        .containsExactly(SoeReformFundProcess.EVALUATION_KEY);
  }

  @Test
  void every_element_constant_names_an_element_of_its_model() throws IllegalAccessException {
    for (String id : constants(SoeReformFundProcess.Elements.class)) {
      assertThat((Object) process.getModelElementById(id)).as(id).isNotNull();
    }
    for (String id : constants(SoeReformFundProcess.EvaluationElements.class)) {
      if (id.startsWith("R/")) {
        continue;
      }
      assertThat((Object) evaluation.getModelElementById(id)).as(id).isNotNull();
    }
  }

  @Test
  void the_service_tasks_use_exactly_the_topics_of_the_constants() throws IllegalAccessException {
    Set<String> used = new TreeSet<>();
    for (BpmnModelInstance model : List.of(process, evaluation)) {
      model
          .getModelElementsByType(ServiceTask.class)
          .forEach(task -> used.add(task.getCamundaTopic()));
    }
    assertThat(used)
        .containsExactlyInAnyOrderElementsOf(constants(SoeReformFundProcess.Topics.class));
  }

  @Test
  void the_decisions_are_the_dmn_files_and_every_rule_cites_its_article()
      throws IllegalAccessException, IOException {
    Set<String> decisions = new HashSet<>();
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".dmn")).toList()) {
        DmnModelInstance dmn = Dmn.readModelFromFile(file.toFile());
        for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
          decisions.add(decision.getId());
          assertThat(file.getFileName().toString()).isEqualTo(decision.getId() + ".dmn");
        }
        for (Rule rule : dmn.getModelElementsByType(Rule.class)) {
          assertThat(rule.getDescription()).as(file + " " + rule.getId()).isNotNull();
          assertThat(rule.getDescription().getTextContent())
              .as(file + " " + rule.getId())
              .containsPattern("P1-R\\d\\d 第.+条");
        }
      }
    }
    List<String> keys =
        constants(SoeReformFundProcess.Decisions.class).stream()
            .filter(k -> !k.endsWith("/"))
            .toList();
    assertThat(decisions).containsExactlyInAnyOrderElementsOf(keys);
    Set<String> referenced = new TreeSet<>();
    process
        .getModelElementsByType(BusinessRuleTask.class)
        .forEach(t -> referenced.add(t.getCamundaDecisionRef()));
    assertThat(referenced)
        .containsExactlyInAnyOrder(
            SoeReformFundProcess.Decisions.SIGN_OFF, SoeReformFundProcess.Decisions.REVIEWERS);
  }

  @Test
  void the_escalations_and_the_march_timer_are_those_of_the_constants()
      throws IllegalAccessException {
    assertThat(process.getModelElementsByType(Escalation.class))
        .extracting(Escalation::getEscalationCode)
        .containsExactlyInAnyOrderElementsOf(constants(SoeReformFundProcess.Escalations.class));
    StartEvent march =
        evaluation.getModelElementById(SoeReformFundProcess.EvaluationElements.EVERY_MARCH);
    assertThat(
            march
                .getChildElementsByType(
                    org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class)
                .iterator()
                .next()
                .getTimeCycle()
                .getTextContent())
        .isEqualTo(SoeReformFundProcess.EvaluationElements.MARCH_CYCLE);
  }

  @Test
  void every_form_of_the_constants_exists_and_every_user_task_uses_one_of_them()
      throws IllegalAccessException, IOException {
    ObjectMapper json = new ObjectMapper();
    Set<String> formIds = new HashSet<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.toList()) {
        formIds.add(json.readTree(file.toFile()).get("id").asText());
      }
    }
    List<String> constants = constants(SoeReformFundProcess.Forms.class);
    assertThat(formIds).containsExactlyInAnyOrderElementsOf(constants);
    Set<String> used = new TreeSet<>();
    for (BpmnModelInstance model : List.of(process, evaluation)) {
      model.getModelElementsByType(UserTask.class).forEach(t -> used.add(t.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).stream()
          .filter(s -> s.getCamundaFormRef() != null)
          .forEach(s -> used.add(s.getCamundaFormRef()));
    }
    assertThat(used).containsExactlyInAnyOrderElementsOf(constants);
  }

  @Test
  void form_field_keys_are_exactly_process_variable_names()
      throws IllegalAccessException, IOException {
    Set<String> variables = new HashSet<>(constants(SoeReformFundProcess.Variables.class));
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.toList()) {
        for (String key : keys(json.readTree(file.toFile()).get("components"))) {
          assertThat(variables)
              .as(file + ": key " + key + " is a variable of SoeReformFundProcess.Variables")
              .contains(key);
        }
      }
    }
  }

  /** Keys of fields bound to process variables (not those inside a dynamic list's items). */
  private static List<String> keys(JsonNode components) {
    List<String> keys = new ArrayList<>();
    for (JsonNode component : components) {
      if (component.has("key")) {
        keys.add(component.get("key").asText());
      }
      if (component.has("path")) {
        keys.add(component.get("path").asText());
      } else if (component.has("components")) {
        keys.addAll(keys(component.get("components")));
      }
    }
    return keys;
  }
}
