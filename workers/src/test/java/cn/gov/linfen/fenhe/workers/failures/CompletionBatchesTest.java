package cn.gov.linfen.fenhe.workers.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CompletionBatches}: completions queue and go to the platform many at a time as the
 * workers' user; a refused or unreachable batch is completed one by one through the client; a
 * variable of another type goes to the client at once.
 */
class CompletionBatchesTest {

  static final ObjectMapper JSON = new ObjectMapper();

  HttpServer server;
  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  final AtomicInteger status = new AtomicInteger(200);
  final List<String> answers = new CopyOnWriteArrayList<>();
  CompletionBatches batches;

  URI start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/external-tasks/complete",
        exchange -> {
          received.add(JSON.readTree(exchange.getRequestBody()));
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          String answer = answers.isEmpty() ? "{}" : answers.remove(0);
          int code = answer.contains("tasks[") ? 404 : status.get();
          byte[] body = answer.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(code, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return CompletionBatches.endpointBeside(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/engine-rest/");
  }

  @AfterEach
  void stop() {
    if (batches != null) {
      batches.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  static ExternalTask task(String id) {
    ExternalTask task = mock(ExternalTask.class);
    when(task.getId()).thenReturn(id);
    when(task.getWorkerId()).thenReturn("fenhe-worker-1");
    when(task.getBusinessKey()).thenReturn("JG-" + id);
    return task;
  }

  int sentTasks() {
    return received.stream().mapToInt(batch -> batch.get("tasks").size()).sum();
  }

  @Test
  void completions_queued_within_the_linger_go_in_one_request_as_the_workers_user()
      throws Exception {
    batches =
        new CompletionBatches(start(), "fenhe-worker", "secret", 40, Duration.ofMillis(300), 1);
    ExternalTaskService client = mock(ExternalTaskService.class);
    ExternalTaskService service = batches.around(client);
    for (int i = 0; i < 5; i++) {
      service.complete(task("t" + i), Map.of("actAbnormal", i % 2 == 0, "receiptNo", "R" + i));
    }
    long deadline = System.currentTimeMillis() + 5_000;
    while (sentTasks() < 5 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(sentTasks()).isEqualTo(5);
    assertThat(received).hasSize(1);
    JsonNode first = received.get(0).get("tasks").get(0);
    assertThat(received.get(0).get("workerId").asText()).isEqualTo("fenhe-worker-1");
    assertThat(first.get("id").asText()).isEqualTo("t0");
    assertThat(first.get("variables").get("actAbnormal").get("type").asText()).isEqualTo("Boolean");
    assertThat(first.get("variables").get("receiptNo").get("value").asText()).isEqualTo("R0");
    assertThat(authorizations.get(0)).isEqualTo("Basic ZmVuaGUtd29ya2VyOnNlY3JldA==");
    verify(client, never()).complete(any(ExternalTask.class), any(), any());
  }

  @Test
  void a_refused_batch_is_completed_one_by_one_through_the_client() throws Exception {
    status.set(409);
    batches =
        new CompletionBatches(start(), "fenhe-worker", "secret", 40, Duration.ofMillis(50), 1);
    ExternalTaskService client = mock(ExternalTaskService.class);
    ExternalTask a = task("a");
    ExternalTask b = task("b");
    batches.around(client).complete(a, Map.of("receiptNo", "R-a"));
    batches.around(client).complete(b);
    verify(client, timeout(5_000)).complete(eq(a), eq(Map.of("receiptNo", "R-a")), isNull());
    verify(client, timeout(5_000)).complete(eq(b), eq(Map.of()), isNull());
  }

  @Test
  void a_task_refused_as_gone_is_left_out_and_the_rest_sent_again_without_single_completions()
      throws Exception {
    answers.add(
        "{\"type\":\"NotFoundException\",\"field\":\"tasks[1].id\",\"reason\":\"第 1"
            + " 项外部任务未能完成\"}");
    batches =
        new CompletionBatches(start(), "fenhe-worker", "secret", 40, Duration.ofMillis(300), 1);
    ExternalTaskService client = mock(ExternalTaskService.class);
    ExternalTaskService service = batches.around(client);
    for (String id : List.of("a", "gone", "c")) {
      service.complete(task(id), Map.of("receiptNo", "R-" + id));
    }
    long deadline = System.currentTimeMillis() + 5_000;
    while (received.size() < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(received).hasSize(2);
    assertThat(received.get(1).get("tasks").findValuesAsText("id")).containsExactly("a", "c");
    verify(client, never()).complete(any(ExternalTask.class), any(), any());
  }

  @Test
  void an_unreachable_platform_falls_back_to_the_client_and_other_types_go_to_it_at_once()
      throws Exception {
    URI endpoint = start();
    server.stop(0);
    server = null;
    batches =
        new CompletionBatches(endpoint, "fenhe-worker", "secret", 40, Duration.ofMillis(10), 1);
    ExternalTaskService client = mock(ExternalTaskService.class);
    ExternalTask plain = task("plain");
    batches
        .around(client)
        .complete(plain, Map.of("due", Date.from(Instant.parse("2026-10-09T10:00:00Z"))));
    verify(client, timeout(10_000)).complete(eq(plain), any(), isNull());

    ExternalTask listed = task("listed");
    batches.around(client).complete(listed, Map.of("items", List.of("a")));
    verify(client).complete(eq(listed), eq(Map.of("items", List.of("a"))), isNull());
  }

  @Test
  void the_endpoint_is_beside_the_engine_rest_api_or_there_is_none() {
    assertThat(CompletionBatches.endpointBeside("http://engine:8080/engine-rest"))
        .isEqualTo(URI.create("http://engine:8080/api/external-tasks/complete"));
    assertThat(CompletionBatches.endpointBeside("http://engine:8080/rest")).isNull();
    assertThat(CompletionBatches.typed(Map.of("x", new Object()))).isNull();
    assertThat(CompletionBatches.typed(Map.of("n", 5L)).get("n").get("type")).isEqualTo("Long");
  }
}
