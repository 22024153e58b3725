package cn.gov.linfen.fenhe.workers.failures;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every worker runs inside this: a business outcome stays the worker's own (it completes, raises a
 * BPMN error or reports a refusal through {@code handleFailure} itself); anything it throws counts
 * the task's retries down with a back-off ({@link FailurePolicy}) and, on the last try, leaves
 * none, so the engine raises an incident with a Chinese message that Cockpit shows. The details
 * (for the operator) carry the exception. Without this the external task client only logs the
 * exception and fetches the task again when its lock expires, forever.
 */
public final class FailureHandling implements ExternalTaskHandler {

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandling.class);

  private final ExternalTaskHandler worker;
  private final FailurePolicy policy;
  private final Executor pool;
  private final CompletionBatches batches;

  private FailureHandling(
      ExternalTaskHandler worker, FailurePolicy policy, Executor pool, CompletionBatches batches) {
    this.worker = worker;
    this.policy = policy;
    this.pool = pool;
    this.batches = batches;
  }

  /** The worker, run with the failure policy (a worker already wrapped is returned as it is). */
  public static ExternalTaskHandler around(ExternalTaskHandler worker, FailurePolicy policy) {
    return around(worker, policy, null);
  }

  /**
   * The worker, run with the failure policy on the given pool ({@link WorkerPool}: the fetching
   * thread hands each task over and fetches on; a full pool runs the task on the fetching thread),
   * or on the fetching thread when {@code pool} is null. A worker already wrapped is returned as it
   * is.
   */
  public static ExternalTaskHandler around(
      ExternalTaskHandler worker, FailurePolicy policy, Executor pool) {
    return around(worker, policy, pool, null);
  }

  /**
   * As {@link #around(ExternalTaskHandler, FailurePolicy, Executor)}, the worker's completions sent
   * in batches ({@link CompletionBatches}) when {@code batches} is not null.
   */
  public static ExternalTaskHandler around(
      ExternalTaskHandler worker, FailurePolicy policy, Executor pool, CompletionBatches batches) {
    return worker instanceof FailureHandling
        ? worker
        : new FailureHandling(worker, policy, pool, batches);
  }

  /** Whether the worker runs on a pool of threads. */
  public boolean pooled() {
    return pool != null;
  }

  /** The worker inside. */
  public ExternalTaskHandler worker() {
    return worker;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    if (pool == null) {
      run(task, service);
    } else {
      pool.execute(() -> run(task, service));
    }
  }

  private void run(ExternalTask task, ExternalTaskService service) {
    try {
      worker.execute(task, batches == null ? service : batches.around(service));
    } catch (RuntimeException | LinkageError e) {
      failed(task, service, e);
    }
  }

  private void failed(ExternalTask task, ExternalTaskService service, Throwable e) {
    int left = policy.retriesLeft(task.getRetries());
    Duration delay = policy.delayBefore(left);
    String message = message(left, delay);
    LOG.warn(
        "Worker of topic {} failed on task {} (case {}), {} retries left: {}",
        task.getTopicName(),
        task.getId(),
        task.getBusinessKey(),
        left,
        e.toString());
    try {
      service.handleFailure(task, message, details(task, e), left, delay.toMillis());
    } catch (RuntimeException reporting) {
      // the engine is unreachable or the task no longer ours: its lock expires and it is fetched
      // again
      LOG.warn(
          "Could not report the failure of task {} to the engine: {}",
          task.getId(),
          reporting.toString());
    }
  }

  /** What Cockpit shows (the incident's message on the last try). */
  static String message(int left, Duration delay) {
    if (left == 0) {
      return "自动处理失败，已多次重试仍未成功，案件暂停：请管理员查看详情、更正案件数据后在监控中心重试";
    }
    return "自动处理失败，将于 " + Math.max(1, delay.toSeconds()) + " 秒后自动重试（还剩 " + left + " 次）";
  }

  private static String details(ExternalTask task, Throwable e) {
    StringWriter trace = new StringWriter();
    try (PrintWriter writer = new PrintWriter(trace)) {
      writer.println(
          "主题 topic: " + task.getTopicName() + "，案件 business key: " + task.getBusinessKey());
      e.printStackTrace(writer);
    }
    return trace.toString();
  }
}
