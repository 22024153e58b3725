package cn.gov.linfen.fenhe.workers.failures;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The completions of the pooled workers (P5's acts, P1's steps), sent many at a time: a worker's
 * {@code complete(task, variables)} is queued and returns; {@code flushers} threads send what has
 * queued within {@code linger} (at most {@code max} tasks) to the platform's {@code POST
 * /api/external-tasks/complete} as the workers' technical user, one transaction for all of them.
 *
 * <p>If the platform refuses the batch or cannot be reached, each task of it is completed on its
 * own through the external task client, as without batching: a task the engine refuses then is
 * logged and, as before, fetched again once its lock expires. A completion with a variable of
 * another type than String, Boolean, Integer, Long, Double or Date is not queued: the client
 * completes it at once. Nothing is completed twice: a task completed by the batch is no longer
 * locked by the worker, so a late single completion of it is refused by the engine.
 */
public final class CompletionBatches implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CompletionBatches.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A completion waiting to be sent, with the client's service to fall back on. */
  record Pending(ExternalTask task, Map<String, Map<String, Object>> variables, Runnable alone) {}

  private final URI endpoint;
  private final String authorization;
  private final int max;
  private final Duration linger;
  private final HttpClient http;
  private final BlockingQueue<Pending> queue;
  private final List<Thread> flushers = new ArrayList<>();
  private volatile boolean open = true;

  public CompletionBatches(
      URI endpoint, String user, String password, int max, Duration linger, int flushers) {
    this.endpoint = endpoint;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.max = max;
    this.linger = linger;
    // bounded: a worker waits while two batches are queued, so the pool, then the fetching thread,
    // wait too and no task is fetched whose lock would expire in the queue (100,000 acts, run R)
    this.queue = new LinkedBlockingQueue<>(2 * max);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    for (int i = 1; i <= flushers; i++) {
      Thread thread = new Thread(this::flushing, "fenhe-completions-" + i);
      thread.setDaemon(true);
      thread.start();
      this.flushers.add(thread);
    }
  }

  /**
   * The platform's batch endpoint beside the engine REST API the client talks to ({@code
   * …/engine-rest} → {@code …/api/external-tasks/complete}); null when the base URL is not of that
   * form (no batching).
   */
  public static URI endpointBeside(String engineRestBaseUrl) {
    String base = engineRestBaseUrl == null ? "" : engineRestBaseUrl.replaceAll("/+$", "");
    if (!base.endsWith("/engine-rest")) {
      return null;
    }
    return URI.create(
        base.substring(0, base.length() - "/engine-rest".length())
            + "/api/external-tasks/complete");
  }

  /** The worker's service with its completions batched. */
  public ExternalTaskService around(ExternalTaskService service) {
    return new BatchingService(service, this);
  }

  /** Queues the completion, or completes it at once when a variable is of another type. */
  void complete(ExternalTask task, Map<String, Object> variables, ExternalTaskService service) {
    Map<String, Map<String, Object>> typed = typed(variables);
    if (typed == null || !open) {
      service.complete(task, variables, null);
      return;
    }
    try {
      queue.put(new Pending(task, typed, () -> service.complete(task, variables, null)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      service.complete(task, variables, null);
    }
  }

  /** The variables in the engine REST API's form; null if one is of a type not sent in batches. */
  static Map<String, Map<String, Object>> typed(Map<String, Object> variables) {
    Map<String, Map<String, Object>> typed = new LinkedHashMap<>();
    if (variables == null) {
      return typed;
    }
    for (Map.Entry<String, Object> variable : variables.entrySet()) {
      Object value = variable.getValue();
      String type;
      if (value == null) {
        type = "Null";
      } else if (value instanceof String) {
        type = "String";
      } else if (value instanceof Boolean) {
        type = "Boolean";
      } else if (value instanceof Integer) {
        type = "Integer";
      } else if (value instanceof Long) {
        type = "Long";
      } else if (value instanceof Double) {
        type = "Double";
      } else if (value instanceof Date date) {
        type = "Date";
        value = date.toInstant().atOffset(ZoneOffset.UTC).toString();
      } else {
        return null;
      }
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("value", value);
      field.put("type", type);
      typed.put(variable.getKey(), field);
    }
    return typed;
  }

  private void flushing() {
    while (open || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        List<Pending> batch = new ArrayList<>(List.of(first));
        long deadline = System.nanoTime() + linger.toNanos();
        while (batch.size() < max) {
          Pending next =
              queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          batch.add(next);
        }
        send(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("Completion batch failed unexpectedly: {}", e.toString());
      }
    }
  }

  /**
   * Sends one batch per worker id. A task the engine refuses (gone: completed or deleted; locked by
   * another worker) is left out and the rest sent again; any other refusal, or no answer, and the
   * tasks are completed one by one through the client.
   */
  void send(List<Pending> batch) throws InterruptedException {
    Map<String, List<Pending>> byWorker = new LinkedHashMap<>();
    batch.forEach(
        p -> byWorker.computeIfAbsent(p.task().getWorkerId(), w -> new ArrayList<>()).add(p));
    for (Map.Entry<String, List<Pending>> worker : byWorker.entrySet()) {
      deliver(worker.getKey(), new ArrayList<>(worker.getValue()));
    }
  }

  private void deliver(String workerId, List<Pending> left) throws InterruptedException {
    while (!left.isEmpty()) {
      int refused = post(workerId, left);
      if (refused == ACCEPTED) {
        return;
      }
      if (refused < 0 || refused >= left.size()) {
        alone(left);
        return;
      }
      Pending gone = left.remove(refused);
      LOG.info(
          "Task {} (case {}) left out of a completion batch: completed already, deleted or locked"
              + " by another worker",
          gone.task().getId(),
          gone.task().getBusinessKey());
    }
  }

  private static void alone(List<Pending> pending) {
    for (Pending p : pending) {
      try {
        p.alone().run();
      } catch (RuntimeException e) {
        // the engine is unreachable or the task is no longer ours: its lock expires and it is
        // fetched again
        LOG.warn(
            "Could not complete task {} (case {}): {}",
            p.task().getId(),
            p.task().getBusinessKey(),
            e.toString());
      }
    }
  }

  private static final int ACCEPTED = Integer.MIN_VALUE;
  private static final Pattern REFUSED_TASK =
      Pattern.compile("\"field\"\\s*:\\s*\"tasks\\[(\\d+)]\\.id\"");

  /**
   * Posts the batch: {@link #ACCEPTED}, the index of the one task the engine refused as gone or
   * locked by another worker (404, 409), or -1 for any other answer or none.
   */
  private int post(String workerId, List<Pending> pending) throws InterruptedException {
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (Pending p : pending) {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("id", p.task().getId());
      task.put("variables", p.variables());
      tasks.add(task);
    }
    try {
      byte[] body = JSON.writeValueAsBytes(Map.of("workerId", workerId, "tasks", tasks));
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(endpoint)
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", authorization)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 200) {
        return ACCEPTED;
      }
      Matcher task = REFUSED_TASK.matcher(answer.body());
      if ((answer.statusCode() == 404 || answer.statusCode() == 409) && task.find()) {
        return Integer.parseInt(task.group(1));
      }
      LOG.warn(
          "Completion batch of {} tasks refused with {}: {}; completing them one by one",
          pending.size(),
          answer.statusCode(),
          answer.body().length() > 500 ? answer.body().substring(0, 500) : answer.body());
    } catch (IOException e) {
      LOG.warn(
          "Completion batch of {} tasks not sent: {}; completing them one by one",
          pending.size(),
          e.toString());
    }
    return -1;
  }

  /** Sends what is queued, then stops. */
  @Override
  public void close() {
    open = false;
    for (Thread thread : flushers) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
