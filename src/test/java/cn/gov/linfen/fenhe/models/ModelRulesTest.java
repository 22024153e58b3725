package cn.gov.linfen.fenhe.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.FenheGroup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The models in processes/ and forms/ are first-class, checked artefacts: everything Camunda
 * Modeler needs to open them laid out, meaningful ids, Chinese names, forms and groups that exist,
 * one worker per topic.
 */
class ModelRulesTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  /**
   * Type-prefixed, meaningful: UserTask_ReformOfficeReview, Flow_ToReview; not Activity_0abc123.
   */
  static final Pattern MEANINGFUL_ID =
      Pattern.compile("^[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$");

  static final Pattern GENERATED_ID =
      Pattern.compile("^[A-Za-z]+_[0-9][0-9a-z]{6}$|^[A-Za-z]+_[0-9a-z]{7}$");

  static Map<Path, BpmnModelInstance> models;
  static Map<String, Path> formIds;

  @BeforeAll
  static void read() throws IOException {
    models = new TreeMap<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      models.put(file, Bpmn.readModelFromFile(file.toFile()));
    }
    formIds = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (Path file : files(FORMS, ".form")) {
      JsonNode form = json.readTree(file.toFile());
      String id = form.path("id").asText();
      assertThat(id).as("form id of " + file).isNotBlank();
      assertThat(formIds.put(id, file)).as("form id " + id + " is used by two files").isNull();
    }
  }

  static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  static <T extends ModelElementInstance> Collection<T> all(
      BpmnModelInstance model, Class<T> type) {
    return model.getModelElementsByType(type);
  }

  @Test
  void there_are_models_to_check() {
    assertThat(models).isNotEmpty();
    assertThat(formIds).isNotEmpty();
  }

  @Test
  void file_names_are_unique_because_deployments_drop_the_folders() throws IOException {
    List<String> names =
        Stream.concat(files(PROCESSES, "").stream(), files(FORMS, "").stream())
            .filter(Files::isRegularFile)
            .map(p -> p.getFileName().toString())
            .toList();
    assertThat(names).doesNotHaveDuplicates();
  }

  @Test
  void every_process_is_executable_with_history_time_to_live_and_a_chinese_name() {
    models.forEach(
        (file, model) -> {
          for (Process process : all(model, Process.class)) {
            assertThat(process.isExecutable()).as(file + " " + process.getId()).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString())
                .as(file + " historyTimeToLive")
                .isNotBlank();
            assertThat(process.getName())
                .as(file + " process name")
                .isNotNull()
                .containsPattern(CHINESE);
          }
        });
  }

  @Test
  void every_flow_node_and_sequence_flow_is_laid_out() {
    models.forEach(
        (file, model) -> {
          Set<String> shapes =
              all(model, BpmnShape.class).stream()
                  .filter(s -> s.getBpmnElement() != null)
                  .map(s -> s.getBpmnElement().getId())
                  .collect(Collectors.toSet());
          Set<String> edges =
              all(model, BpmnEdge.class).stream()
                  .filter(e -> e.getBpmnElement() != null)
                  .map(e -> e.getBpmnElement().getId())
                  .collect(Collectors.toSet());
          for (FlowNode node : all(model, FlowNode.class)) {
            assertThat(shapes).as(file + ": shape of " + node.getId()).contains(node.getId());
          }
          for (SequenceFlow flow : all(model, SequenceFlow.class)) {
            assertThat(edges).as(file + ": edge of " + flow.getId()).contains(flow.getId());
          }
          for (BpmnEdge edge : all(model, BpmnEdge.class)) {
            assertThat(edge.getWaypoints().size())
                .as(file + ": waypoints of " + edge.getId())
                .isGreaterThanOrEqualTo(2);
          }
        });
  }

  @Test
  void no_two_shapes_overlap() {
    models.forEach(
        (file, model) -> {
          List<BpmnShape> shapes = new ArrayList<>(all(model, BpmnShape.class));
          for (int i = 0; i < shapes.size(); i++) {
            for (int j = i + 1; j < shapes.size(); j++) {
              BpmnShape a = shapes.get(i);
              BpmnShape b = shapes.get(j);
              if (allowedToOverlap(a, b)) {
                continue;
              }
              assertThat(intersects(a.getBounds(), b.getBounds()))
                  .as(
                      file
                          + ": "
                          + a.getBpmnElement().getId()
                          + " overlaps "
                          + b.getBpmnElement().getId())
                  .isFalse();
            }
          }
        });
  }

  private static boolean allowedToOverlap(BpmnShape a, BpmnShape b) {
    BaseElement x = a.getBpmnElement();
    BaseElement y = b.getBpmnElement();
    if (x instanceof BoundaryEvent boundary && boundary.getAttachedTo() == y) {
      return true;
    }
    if (y instanceof BoundaryEvent boundary && boundary.getAttachedTo() == x) {
      return true;
    }
    // a shape inside an expanded sub-process or a pool/lane that contains it
    return contains(a.getBounds(), b.getBounds()) || contains(b.getBounds(), a.getBounds());
  }

  private static boolean intersects(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth()
        && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight()
        && b.getY() < a.getY() + a.getHeight();
  }

  private static boolean contains(Bounds outer, Bounds inner) {
    return outer.getX() <= inner.getX()
        && outer.getY() <= inner.getY()
        && outer.getX() + outer.getWidth() >= inner.getX() + inner.getWidth()
        && outer.getY() + outer.getHeight() >= inner.getY() + inner.getHeight();
  }

  @Test
  void ids_are_meaningful_and_type_prefixed() {
    models.forEach(
        (file, model) -> {
          for (FlowElement element : all(model, FlowElement.class)) {
            assertThat(element.getId())
                .as(file + ": id")
                .doesNotMatch(GENERATED_ID)
                .matches(MEANINGFUL_ID);
          }
        });
  }

  @Test
  void names_people_read_are_chinese() {
    models.forEach(
        (file, model) -> {
          for (FlowNode node : all(model, FlowNode.class)) {
            boolean joiningGateway =
                node instanceof Gateway
                    && node.getIncoming().size() > 1
                    && node.getOutgoing().size() == 1;
            if (joiningGateway || node instanceof SubProcess && node.getName() == null) {
              continue;
            }
            assertThat(node.getName())
                .as(file + ": name of " + node.getId())
                .isNotNull()
                .containsPattern(CHINESE);
          }
          for (SequenceFlow flow : all(model, SequenceFlow.class)) {
            if (flow.getName() != null) {
              assertThat(flow.getName())
                  .as(file + ": name of " + flow.getId())
                  .containsPattern(CHINESE);
            }
          }
        });
  }

  @Test
  void every_user_task_has_a_form_that_exists_and_a_group_or_assignee_that_exists() {
    models.forEach(
        (file, model) -> {
          for (UserTask task : all(model, UserTask.class)) {
            String formRef = task.getCamundaFormRef();
            assertThat(formRef).as(file + ": formRef of " + task.getId()).isNotBlank();
            assertThat(formIds)
                .as(file + ": form " + formRef + " of " + task.getId())
                .containsKey(formRef);
            String groups = task.getCamundaCandidateGroups();
            String assignee = task.getCamundaAssignee();
            assertThat((groups == null ? "" : groups) + (assignee == null ? "" : assignee))
                .as(file + ": candidate group or assignee of " + task.getId())
                .isNotBlank();
            if (groups != null && !groups.contains("${")) {
              for (String group : groups.split(",")) {
                assertThat(FenheGroup.byId(group.trim()))
                    .as(file + ": group " + group + " of " + task.getId())
                    .isPresent();
              }
            }
          }
          for (StartEvent start : all(model, StartEvent.class)) {
            String formRef = start.getCamundaFormRef();
            if (formRef != null) {
              assertThat(formIds)
                  .as(file + ": form " + formRef + " of " + start.getId())
                  .containsKey(formRef);
            }
          }
        });
  }

  @Test
  void every_external_task_topic_has_exactly_one_worker_and_every_worker_a_topic()
      throws ClassNotFoundException {
    Map<String, List<String>> workersByTopic = new HashMap<>();
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ExternalTaskSubscription.class));
    for (BeanDefinition candidate : scanner.findCandidateComponents("cn.gov.linfen.fenhe")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      if (type.getProtectionDomain()
          .getCodeSource()
          .getLocation()
          .getPath()
          .contains("test-classes")) {
        continue; // a fixture of the tests (the example process), not a worker of the platform's
        // models
      }
      ExternalTaskSubscription subscription = type.getAnnotation(ExternalTaskSubscription.class);
      String topic = isSet(subscription.value()) ? subscription.value() : subscription.topicName();
      workersByTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(type.getSimpleName());
    }
    Set<String> modelTopics = new java.util.TreeSet<>();
    models.forEach(
        (file, model) -> {
          for (ServiceTask task : all(model, ServiceTask.class)) {
            assertThat(task.getCamundaType())
                .as(file + ": " + task.getId() + " is an external task")
                .isEqualTo("external");
            modelTopics.add(task.getCamundaTopic());
            assertThat(workersByTopic.getOrDefault(task.getCamundaTopic(), List.of()))
                .as(file + ": workers of topic " + task.getCamundaTopic())
                .hasSize(1);
          }
        });
    assertThat(modelTopics)
        .as("every worker's topic is used by a model")
        .containsAll(workersByTopic.keySet());
  }

  /** The annotation's unset attributes hold the placeholder "$null$". */
  private static boolean isSet(String attribute) {
    return attribute != null && !attribute.isEmpty() && !attribute.equals("$null$");
  }

  @Test
  void every_decision_table_parses_and_has_a_chinese_name() throws IOException {
    for (Path file : files(PROCESSES, ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        assertThat(decision.getName())
            .as(file + ": name of " + decision.getId())
            .containsPattern(CHINESE);
      }
    }
  }

  @Test
  void form_labels_are_chinese() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Path file : files(FORMS, ".form")) {
      checkLabels(file, json.readTree(file.toFile()).path("components"));
    }
  }

  /**
   * form-js refuses a form with two components of one id or key: Tasklist then shows no form at
   * all.
   */
  @Test
  void form_component_ids_and_keys_are_unique_within_a_form() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Path file : files(FORMS, ".form")) {
      List<String> ids = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      collect(json.readTree(file.toFile()).path("components"), ids, keys);
      assertThat(ids).as(file + ": component ids").doesNotHaveDuplicates();
      assertThat(keys).as(file + ": field keys").doesNotHaveDuplicates();
    }
  }

  private static void collect(JsonNode components, List<String> ids, List<String> keys) {
    for (JsonNode component : components) {
      ids.add(component.path("id").asText());
      if (component.has("key")) {
        keys.add(component.path("key").asText());
      }
      if (component.has("components")) {
        collect(component.get("components"), ids, keys);
      }
    }
  }

  private static void checkLabels(Path file, JsonNode components) {
    for (JsonNode component : components) {
      if (component.has("label") && !component.path("label").asText().isBlank()) {
        assertThat(component.path("label").asText())
            .as(file + ": label of " + component.path("key").asText())
            .containsPattern(CHINESE);
      }
      if (component.has("components")) {
        checkLabels(file, component.get("components"));
      }
    }
  }
}
