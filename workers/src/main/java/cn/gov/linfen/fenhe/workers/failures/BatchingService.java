package cn.gov.linfen.fenhe.workers.failures;

import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;

/**
 * The client's service with the completions of a task queued in {@link CompletionBatches}
 * (completion with case variables only; local variables and everything else go to the client as
 * they are).
 */
final class BatchingService implements ExternalTaskService {

  private final ExternalTaskService client;
  private final CompletionBatches batches;

  BatchingService(ExternalTaskService client, CompletionBatches batches) {
    this.client = client;
    this.batches = batches;
  }

  @Override
  public void complete(ExternalTask task) {
    batches.complete(task, Map.of(), client);
  }

  @Override
  public void complete(ExternalTask task, Map<String, Object> variables) {
    batches.complete(task, variables, client);
  }

  @Override
  public void complete(
      ExternalTask task, Map<String, Object> variables, Map<String, Object> localVariables) {
    if (localVariables == null || localVariables.isEmpty()) {
      batches.complete(task, variables, client);
    } else {
      client.complete(task, variables, localVariables);
    }
  }

  @Override
  public void complete(
      String taskId, Map<String, Object> variables, Map<String, Object> localVariables) {
    client.complete(taskId, variables, localVariables);
  }

  @Override
  public void lock(String taskId, long duration) {
    client.lock(taskId, duration);
  }

  @Override
  public void lock(ExternalTask task, long duration) {
    client.lock(task, duration);
  }

  @Override
  public void unlock(ExternalTask task) {
    client.unlock(task);
  }

  @Override
  public void setVariables(String processInstanceId, Map<String, Object> variables) {
    client.setVariables(processInstanceId, variables);
  }

  @Override
  public void setVariables(ExternalTask task, Map<String, Object> variables) {
    client.setVariables(task, variables);
  }

  @Override
  public void handleFailure(
      ExternalTask task, String message, String details, int retries, long retryTimeout) {
    client.handleFailure(task, message, details, retries, retryTimeout);
  }

  @Override
  public void handleFailure(
      String taskId, String message, String details, int retries, long retryTimeout) {
    client.handleFailure(taskId, message, details, retries, retryTimeout);
  }

  @Override
  public void handleFailure(
      String taskId,
      String message,
      String details,
      int retries,
      long retryTimeout,
      Map<String, Object> variables,
      Map<String, Object> localVariables) {
    client.handleFailure(
        taskId, message, details, retries, retryTimeout, variables, localVariables);
  }

  @Override
  public void handleBpmnError(ExternalTask task, String errorCode) {
    client.handleBpmnError(task, errorCode);
  }

  @Override
  public void handleBpmnError(ExternalTask task, String errorCode, String errorMessage) {
    client.handleBpmnError(task, errorCode, errorMessage);
  }

  @Override
  public void handleBpmnError(
      ExternalTask task, String errorCode, String errorMessage, Map<String, Object> variables) {
    client.handleBpmnError(task, errorCode, errorMessage, variables);
  }

  @Override
  public void handleBpmnError(
      String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
    client.handleBpmnError(taskId, errorCode, errorMessage, variables);
  }

  @Override
  public void extendLock(ExternalTask task, long newDuration) {
    client.extendLock(task, newDuration);
  }

  @Override
  public void extendLock(String taskId, long newDuration) {
    client.extendLock(taskId, newDuration);
  }
}
