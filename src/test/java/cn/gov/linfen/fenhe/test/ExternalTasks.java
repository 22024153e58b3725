package cn.gov.linfen.fenhe.test;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Runs a real worker (an {@link ExternalTaskHandler}) inside an engine test: fetches and locks the
 * engine's external tasks of a topic and hands each to the worker through the client API, whose
 * calls go straight to the engine. Only what leaves the system is mocked, elsewhere.
 */
public final class ExternalTasks {

  public static final String WORKER_ID = "engine-test-worker";

  private final org.camunda.bpm.engine.ExternalTaskService engine;
  private final org.camunda.bpm.engine.RuntimeService runtime;

  public ExternalTasks(org.camunda.bpm.engine.ProcessEngine processEngine) {
    this.engine = processEngine.getExternalTaskService();
    this.runtime = processEngine.getRuntimeService();
  }

  /**
   * The variables each topic's subscription fetches ({@code
   * camunda.bpm.client.subscriptions.<topic>. variable-names} of application.yaml): the tests fetch
   * the same, so a worker reading a variable its subscription does not list fails them as it would
   * fail in production.
   */
  private static final Binder CONFIGURATION = configuration();

  private static Binder configuration() {
    try {
      // the tests' own additions (config/application.yaml: the example process) come first
      List<PropertySource<?>> sources = new java.util.ArrayList<>();
      ClassPathResource tests = new ClassPathResource("config/application.yaml");
      if (tests.exists()) {
        sources.addAll(new YamlPropertySourceLoader().load("config/application.yaml", tests));
      }
      sources.addAll(
          new YamlPropertySourceLoader()
              .load("application.yaml", new ClassPathResource("application.yaml")));
      return new Binder(ConfigurationPropertySources.from(sources));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The variables the topic's subscription fetches, or {@code null} (all) when it names none. */
  public static List<String> variableNames(String topic) {
    return CONFIGURATION
        .bind(
            "camunda.bpm.client.subscriptions." + topic + ".variable-names",
            Bindable.listOf(String.class))
        .orElse(null);
  }

  private org.camunda.bpm.engine.externaltask.ExternalTaskQueryTopicBuilder topic(
      org.camunda.bpm.engine.externaltask.ExternalTaskQueryBuilder fetch, String topic) {
    org.camunda.bpm.engine.externaltask.ExternalTaskQueryTopicBuilder builder =
        fetch.topic(topic, 60_000);
    List<String> names = variableNames(topic);
    return names == null ? builder : builder.variables(names);
  }

  /** Runs the worker on every open task of the topic; returns how many it was given. */
  public int run(String topic, ExternalTaskHandler worker) {
    List<LockedExternalTask> locked =
        topic(engine.fetchAndLock(100, WORKER_ID), topic)
            .enableCustomObjectDeserialization()
            .execute();
    for (LockedExternalTask task : locked) {
      worker.execute(new EngineTask(task), new EngineService());
    }
    return locked.size();
  }

  /** Runs the worker on the tasks of the topic of one case (business key) only. */
  public int run(String topic, String businessKey, ExternalTaskHandler worker) {
    List<LockedExternalTask> locked =
        topic(engine.fetchAndLock(100, WORKER_ID), topic)
            .businessKey(businessKey)
            .enableCustomObjectDeserialization()
            .execute();
    for (LockedExternalTask task : locked) {
      worker.execute(new EngineTask(task), new EngineService());
    }
    return locked.size();
  }

  /** What the client's REST layer does: its JSON values become the engine's (Spin) JSON values. */
  static Map<String, Object> engineValues(Map<String, Object> variables) {
    if (variables == null) {
      return null;
    }
    Map<String, Object> converted = new java.util.HashMap<>();
    variables.forEach(
        (name, value) ->
            converted.put(
                name,
                value instanceof org.camunda.bpm.client.variable.value.JsonValue json
                    ? org.camunda.spin.plugin.variable.SpinValues.jsonValue(json.getValue())
                        .create()
                    : value));
    return converted;
  }

  private final class EngineService implements org.camunda.bpm.client.task.ExternalTaskService {
    @Override
    public void lock(String id, long duration) {
      engine.lock(id, WORKER_ID, duration);
    }

    @Override
    public void lock(ExternalTask task, long duration) {
      lock(task.getId(), duration);
    }

    @Override
    public void unlock(ExternalTask task) {
      engine.unlock(task.getId());
    }

    @Override
    public void complete(ExternalTask task) {
      engine.complete(task.getId(), WORKER_ID);
    }

    @Override
    public void setVariables(String processInstanceId, Map<String, Object> variables) {
      runtime.setVariables(processInstanceId, variables);
    }

    @Override
    public void setVariables(ExternalTask task, Map<String, Object> variables) {
      runtime.setVariables(task.getExecutionId(), variables);
    }

    @Override
    public void complete(ExternalTask task, Map<String, Object> variables) {
      engine.complete(task.getId(), WORKER_ID, engineValues(variables));
    }

    @Override
    public void complete(
        ExternalTask task, Map<String, Object> variables, Map<String, Object> local) {
      engine.complete(task.getId(), WORKER_ID, engineValues(variables), engineValues(local));
    }

    @Override
    public void complete(String id, Map<String, Object> variables, Map<String, Object> local) {
      engine.complete(id, WORKER_ID, engineValues(variables), engineValues(local));
    }

    @Override
    public void handleFailure(
        ExternalTask task, String message, String details, int retries, long timeout) {
      engine.handleFailure(task.getId(), WORKER_ID, message, details, retries, timeout);
    }

    @Override
    public void handleFailure(
        String id, String message, String details, int retries, long timeout) {
      engine.handleFailure(id, WORKER_ID, message, details, retries, timeout);
    }

    @Override
    public void handleFailure(
        String id,
        String message,
        String details,
        int retries,
        long timeout,
        Map<String, Object> variables,
        Map<String, Object> local) {
      engine.handleFailure(id, WORKER_ID, message, details, retries, timeout, variables, local);
    }

    @Override
    public void handleBpmnError(ExternalTask task, String code) {
      engine.handleBpmnError(task.getId(), WORKER_ID, code);
    }

    @Override
    public void handleBpmnError(ExternalTask task, String code, String message) {
      engine.handleBpmnError(task.getId(), WORKER_ID, code, message);
    }

    @Override
    public void handleBpmnError(
        ExternalTask task, String code, String message, Map<String, Object> variables) {
      engine.handleBpmnError(task.getId(), WORKER_ID, code, message, variables);
    }

    @Override
    public void handleBpmnError(
        String id, String code, String message, Map<String, Object> variables) {
      engine.handleBpmnError(id, WORKER_ID, code, message, variables);
    }

    @Override
    public void extendLock(ExternalTask task, long duration) {
      engine.extendLock(task.getId(), WORKER_ID, duration);
    }

    @Override
    public void extendLock(String id, long duration) {
      engine.extendLock(id, WORKER_ID, duration);
    }
  }

  private record EngineTask(LockedExternalTask task) implements ExternalTask {
    @Override
    public String getActivityId() {
      return task.getActivityId();
    }

    @Override
    public String getActivityInstanceId() {
      return task.getActivityInstanceId();
    }

    @Override
    public String getErrorMessage() {
      return task.getErrorMessage();
    }

    @Override
    public String getErrorDetails() {
      return task.getErrorDetails();
    }

    @Override
    public String getExecutionId() {
      return task.getExecutionId();
    }

    @Override
    public String getId() {
      return task.getId();
    }

    @Override
    public Date getLockExpirationTime() {
      return task.getLockExpirationTime();
    }

    @Override
    public Date getCreateTime() {
      return task.getCreateTime();
    }

    @Override
    public String getProcessDefinitionId() {
      return task.getProcessDefinitionId();
    }

    @Override
    public String getProcessDefinitionKey() {
      return task.getProcessDefinitionKey();
    }

    @Override
    public String getProcessDefinitionVersionTag() {
      return task.getProcessDefinitionVersionTag();
    }

    @Override
    public String getProcessInstanceId() {
      return task.getProcessInstanceId();
    }

    @Override
    public Integer getRetries() {
      return task.getRetries();
    }

    @Override
    public String getWorkerId() {
      return task.getWorkerId();
    }

    @Override
    public String getTopicName() {
      return task.getTopicName();
    }

    @Override
    public String getTenantId() {
      return task.getTenantId();
    }

    @Override
    public long getPriority() {
      return task.getPriority();
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> T getVariable(String name) {
      return (T) task.getVariables().get(name);
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T extends TypedValue> T getVariableTyped(String name) {
      return (T) task.getVariables().getValueTyped(name);
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T extends TypedValue> T getVariableTyped(String name, boolean deserialize) {
      return (T) task.getVariables().getValueTyped(name);
    }

    // like the client: deserialized values; a variable may hold null
    @Override
    public Map<String, Object> getAllVariables() {
      return java.util.Collections.unmodifiableMap(
          new java.util.HashMap<>(Variables.fromMap(task.getVariables())));
    }

    @Override
    public VariableMap getAllVariablesTyped() {
      return task.getVariables();
    }

    @Override
    public VariableMap getAllVariablesTyped(boolean deserialize) {
      return task.getVariables();
    }

    @Override
    public String getBusinessKey() {
      return task.getBusinessKey();
    }

    @Override
    public String getExtensionProperty(String name) {
      return task.getExtensionProperties().get(name);
    }

    @Override
    public Map<String, String> getExtensionProperties() {
      return task.getExtensionProperties();
    }
  }
}
