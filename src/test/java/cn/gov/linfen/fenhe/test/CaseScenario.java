package cn.gov.linfen.fenhe.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives one case of a procedure the way its users do — over REST, logged in as the demo user of
 * the step's group, claiming and submitting the task's form like Tasklist — and runs the real
 * workers. Every wait state has a default answer (the happy path, set by the procedure's scenario);
 * a test overrides only what it is about. Each user task worked is recorded with its candidate
 * groups, form and due date.
 *
 * @param <S> the procedure's own scenario (for chaining)
 */
public abstract class CaseScenario<S extends CaseScenario<S>> {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final DateTimeFormatter REST_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  /** A Json-typed variable (a form's checklist or dynamic list). */
  public record Json(String text) {}

  /** One answer: who completes the task (null: the default user of the task) and with what. */
  public record Answer<S>(String user, Function<S, Map<String, Object>> variables) {}

  /** A user task as it was met: the wiring the test asserts. */
  public record Step(
      String taskKey,
      String name,
      List<String> candidateGroups,
      String assignee,
      String formId,
      Instant due) {}

  protected final ProcessEngine engine;
  private final String baseUrl;
  private final String processKey;
  public final String businessKey;
  public final Map<String, ExternalTaskHandler> workers = new LinkedHashMap<>();
  public final Map<String, Answer<S>> answers = new HashMap<>();
  public final List<Step> steps = new ArrayList<>();

  /** Who starts the case (and completes the tasks assigned to him). */
  public String applicant;

  public String applicantPassword = IntegrationTest.DEMO_PASSWORD;
  public String processInstanceId;

  /**
   * Whether the scenario hands in the required materials itself, as a user would: a small PDF per
   * required material, uploaded through the API before the start (pending uploads named in {@code
   * materialUploads}) and before a step that needs one is submitted. A test of a missing material
   * turns it off.
   */
  public boolean handsInMaterials = true;

  private JsonNode catalogue;

  protected CaseScenario(
      ProcessEngine engine, String baseUrl, String processKey, String businessKey) {
    this.engine = engine;
    this.baseUrl = baseUrl;
    this.processKey = processKey;
    this.businessKey = businessKey;
  }

  @SuppressWarnings("unchecked")
  protected final S self() {
    return (S) this;
  }

  public static String demo(String group) {
    return "demo-" + group;
  }

  public static Map<String, Object> approve(String opinion) {
    return Map.of("approved", true, "opinion", opinion);
  }

  public static Map<String, Object> reject(String opinion) {
    return Map.of("approved", false, "opinion", opinion);
  }

  public static OffsetDateTime restDate(String text) {
    return OffsetDateTime.parse(text, REST_DATE);
  }

  /** Variables as the REST API takes them ({"name": {"value": …}}; Json ones typed). */
  public static ObjectNode variables(Map<String, Object> variables) {
    ObjectNode node = JSON.createObjectNode();
    variables.forEach(
        (name, value) -> {
          ObjectNode variable = node.putObject(name);
          if (value instanceof Json json) {
            variable.put("value", json.text());
            variable.put("type", "Json");
          } else {
            variable.set("value", JSON.valueToTree(value));
          }
        });
    return node;
  }

  public S on(String taskKey, String user, Map<String, Object> variables) {
    answers.put(taskKey, new Answer<>(user, s -> variables));
    return self();
  }

  public Http as(String user) {
    String password = user.equals(applicant) ? applicantPassword : IntegrationTest.DEMO_PASSWORD;
    return Http.as(baseUrl, user, password);
  }

  /** Starts the case over REST as the applicant; asserts it was accepted. */
  public S start(Map<String, Object> variables) {
    Http.Response response = startAs(applicant, variables);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    processInstanceId = response.json().get("id").asText();
    return self();
  }

  public Http.Response startAs(String user, Map<String, Object> variables) {
    if (handsInMaterials && !variables.containsKey(MATERIAL_UPLOADS)) {
      List<String> ids = new ArrayList<>();
      for (JsonNode material : catalogue()) {
        if (material.get("required").asBoolean()
            && material.get("step").asText().startsWith("StartEvent_")) {
          Http.Response uploaded =
              uploadForStart(
                  user,
                  material.get("type").asText(),
                  material.get("type").asText() + ".pdf",
                  TestFiles.pdf(material.get("name").asText()));
          if (uploaded.status() == 201) {
            ids.add(uploaded.json().get("id").asText());
          }
        }
      }
      if (!ids.isEmpty()) {
        variables = new LinkedHashMap<>(variables);
        variables.put(MATERIAL_UPLOADS, String.join(",", ids));
      }
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("businessKey", businessKey);
    body.set("variables", variables(variables));
    return as(user)
        .post("/engine-rest/process-definition/key/" + processKey + "/start", body.toString());
  }

  public static final String MATERIAL_UPLOADS = "materialUploads";

  /** The procedure's materials catalogue (empty when it has none). */
  public JsonNode catalogue() {
    if (catalogue == null) {
      Http.Response response = as(applicant).get("/api/procedures/" + processKey + "/materials");
      catalogue = response.status() == 200 ? response.json() : JSON.createArrayNode();
    }
    return catalogue;
  }

  /** Uploads a file from a start form (before the case exists), as the user. */
  public Http.Response uploadForStart(String user, String type, String fileName, byte[] content) {
    return as(user)
        .postMultipart(
            "/api/procedures/" + processKey + "/materials/uploads",
            TestFiles.BOUNDARY,
            TestFiles.upload(type, fileName, content));
  }

  /** Uploads a file to the case's open step, as the user. */
  public Http.Response upload(String user, String type, String fileName, byte[] content) {
    return as(user)
        .postMultipart(
            "/api/cases/" + businessKey + "/materials",
            TestFiles.BOUNDARY,
            TestFiles.upload(type, fileName, content));
  }

  /** The case's materials as the user sees them. */
  public Http.Response materials(String user) {
    return as(user).get("/api/cases/" + businessKey + "/materials");
  }

  /** Hands in, as the user, each required material of the step the case does not have yet. */
  public void handInMaterialsOf(String taskKey, String user) {
    List<String> present = new ArrayList<>();
    for (JsonNode m : materials(user).json()) {
      if (m.get("replacedBy").isNull()) {
        present.add(m.get("type").asText());
      }
    }
    for (JsonNode material : catalogue()) {
      String type = material.get("type").asText();
      if (material.get("required").asBoolean()
          && material.get("step").asText().equals(taskKey)
          && !present.contains(type)) {
        Http.Response uploaded = upload(user, type, type + ".pdf", TestFiles.pdf(type));
        assertThat(uploaded.status())
            .as("upload " + type + " at " + taskKey + ": " + uploaded)
            .isEqualTo(201);
      }
    }
  }

  public Object variable(String name) {
    return engine.getRuntimeService().getVariable(processInstanceId, name);
  }

  /**
   * The case's value of a variable after it ended (the process-level one if a task-local one has
   * the name too).
   */
  public Object historicVariable(String name) {
    var found =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .variableName(name)
            .list();
    return found.stream()
        .filter(v -> processInstanceId.equals(v.getActivityInstanceId()))
        .findFirst()
        .or(() -> found.stream().findFirst())
        .map(v -> v.getValue())
        .orElse(null);
  }

  public List<Task> openTasks() {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
  }

  public List<String> openTaskKeys() {
    return openTasks().stream().map(Task::getTaskDefinitionKey).sorted().toList();
  }

  public Task openTask(String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  public boolean ended() {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .count()
        == 0;
  }

  /** Tasks that wait for a person's own initiative: never completed by default. */
  protected Set<String> standing() {
    return Set.of();
  }

  /** How many rounds of workers and tasks a case may take to settle. */
  protected int rounds() {
    return 100;
  }

  /** Who works the task when its answer names nobody. */
  protected String defaultUser(String taskKey) {
    return applicant;
  }

  /** Who works the task by default. */
  public String userOf(String taskKey) {
    Answer<S> answer = answers.get(taskKey);
    return answer != null && answer.user() != null ? answer.user() : defaultUser(taskKey);
  }

  /** Runs the workers once over the case's open external tasks; how many were done. */
  public int runWorkers() {
    int done = 0;
    ExternalTasks external = new ExternalTasks(engine);
    for (Map.Entry<String, ExternalTaskHandler> worker : workers.entrySet()) {
      done += external.run(worker.getKey(), businessKey, worker.getValue());
    }
    return done;
  }

  /**
   * Runs workers and completes the open tasks with their answers until one of the stops is open, or
   * the case ends.
   */
  public S runUntil(String... stops) {
    Set<String> stopAt = Set.of(stops);
    Set<String> standing = standing();
    for (int round = 0; round < rounds(); round++) {
      boolean progressed = runWorkers() > 0;
      if (ended()) {
        return self();
      }
      List<Task> open = openTasks();
      if (open.stream().anyMatch(t -> stopAt.contains(t.getTaskDefinitionKey()))) {
        return self();
      }
      for (Task task : open) {
        if (standing.contains(task.getTaskDefinitionKey())) {
          continue;
        }
        work(task.getTaskDefinitionKey());
        progressed = true;
      }
      if (!progressed) {
        return self();
      }
    }
    throw new AssertionError("the case did not settle");
  }

  /** Works the task with its default answer. */
  public void work(String taskKey) {
    Answer<S> answer = answers.get(taskKey);
    assertThat(answer).as("an answer for " + taskKey).isNotNull();
    work(taskKey, userOf(taskKey), answer.variables().apply(self()));
  }

  /**
   * Works a task like Tasklist: find it, claim it (unless assigned), submit its form. Records the
   * step.
   */
  public void work(String taskKey, String user, Map<String, Object> variables) {
    Http.Response response = submit(taskKey, user, variables);
    assertThat(response.status()).as(taskKey + " by " + user + ": " + response).isEqualTo(204);
  }

  /** The variables the task's form is loaded with, as the user sees them. */
  public JsonNode formVariables(String taskKey, String user) {
    String id = task(taskKey, user).get("id").asText();
    Http.Response response = as(user).get("/engine-rest/task/" + id + "/form-variables");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** The tasks of this kind of the case the user sees over REST. */
  protected JsonNode tasksSeen(String taskKey, String user) {
    Http.Response response =
        as(user)
            .get(
                "/engine-rest/task?processInstanceBusinessKey="
                    + businessKey
                    + "&taskDefinitionKey="
                    + taskKey
                    + "&maxResults=10");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** The task as the user sees it over REST (exactly one). */
  public JsonNode task(String taskKey, String user) {
    JsonNode seen = tasksSeen(taskKey, user);
    assertThat(seen).as(user + " sees " + taskKey).hasSize(1);
    return seen.get(0);
  }

  /**
   * Claims (unless assigned) and submits the task's form as the user; records the step; the
   * response.
   */
  public Http.Response submit(String taskKey, String user, Map<String, Object> variables) {
    JsonNode task = task(taskKey, user);
    String id = task.get("id").asText();
    steps.add(step(task));
    Http http = as(user);
    if (task.get("assignee").isNull()) {
      Http.Response claim =
          http.post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}");
      assertThat(claim.status())
          .as("claim " + taskKey + " by " + user + ": " + claim)
          .isEqualTo(204);
    }
    if (handsInMaterials) {
      handInMaterialsOf(taskKey, user);
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables(variables));
    return http.post("/engine-rest/task/" + id + "/submit-form", body.toString());
  }

  private Step step(JsonNode task) {
    String id = task.get("id").asText();
    List<String> groups =
        engine.getTaskService().getIdentityLinksForTask(id).stream()
            .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
            .map(link -> link.getGroupId())
            .sorted()
            .toList();
    Http.Response form = as("admin").get("/engine-rest/task/" + id + "/deployed-form");
    assertThat(form.status())
        .as("deployed form of " + task.get("taskDefinitionKey").asText())
        .isEqualTo(200);
    return new Step(
        task.get("taskDefinitionKey").asText(),
        task.get("name").asText(),
        groups,
        task.get("assignee").isNull() ? null : task.get("assignee").asText(),
        form.json().get("id").asText(),
        task.get("due").isNull() ? null : restDate(task.get("due").asText()).toInstant());
  }

  /** The last time the task was worked. */
  public Step stepOf(String taskKey) {
    return steps.stream()
        .filter(s -> s.taskKey().equals(taskKey))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError(taskKey + " was not worked; worked: " + worked()));
  }

  public List<String> worked() {
    return steps.stream().map(Step::taskKey).toList();
  }

  /** The end events the case reached at its top level (not inside a subprocess). */
  public List<String> topLevelEnds() {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .stream()
        .filter(
            a ->
                a.getActivityType().endsWith("EndEvent")
                    && a.getParentActivityInstanceId().equals(processInstanceId))
        .map(HistoricActivityInstance::getActivityId)
        .sorted()
        .toList();
  }

  /**
   * Every step worked had the form and the candidate groups of its kind, and was assigned to the
   * applicant where there are none.
   */
  protected void assertFormsAndGroups(Map<String, String> forms, Map<String, List<String>> groups) {
    for (Step step : steps) {
      assertThat(step.formId())
          .as("form of " + step.taskKey())
          .isEqualTo(forms.get(step.taskKey()));
      assertThat(step.candidateGroups())
          .as("candidate groups of " + step.taskKey())
          .isEqualTo(groups.get(step.taskKey()));
      if (groups.get(step.taskKey()).isEmpty()) {
        assertThat(step.assignee()).as("assignee of " + step.taskKey()).isEqualTo(applicant);
      }
    }
  }
}
