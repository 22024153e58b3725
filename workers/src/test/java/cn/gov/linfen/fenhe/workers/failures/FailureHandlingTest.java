package cn.gov.linfen.fenhe.workers.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.linfen.fenhe.workers.WorkerTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class FailureHandlingTest extends WorkerTestSupport {

  final FailurePolicy policy = new FailurePolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(5));

  @Test
  void a_business_outcome_is_the_workers_own() {
    ExternalTaskHandler worker = (t, s) -> s.complete(t, Map.of("done", true));
    FailureHandling.around(worker, policy).execute(task, service);

    assertThat(completed()).containsEntry("done", true);
    verify(service, never()).handleFailure(eq(task), anyString(), anyString(), anyInt(), anyLong());
  }

  @Test
  void a_first_failure_leaves_two_retries_after_ten_seconds() {
    ExternalTaskHandler worker =
        (t, s) -> {
          String number = t.getVariable("accountNumber");
          s.complete(t, Map.of("number", number));
        };
    when(task.getVariable("accountNumber")).thenReturn((Object) 6222021234567890L);
    when(task.getRetries()).thenReturn(null);

    FailureHandling.around(worker, policy).execute(task, service);

    ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
    ArgumentCaptor<String> details = ArgumentCaptor.forClass(String.class);
    verify(service)
        .handleFailure(eq(task), message.capture(), details.capture(), eq(2), eq(10_000L));
    assertThat(message.getValue()).isEqualTo("自动处理失败，将于 10 秒后自动重试（还剩 2 次）");
    assertThat(details.getValue()).contains("ClassCastException");
  }

  @Test
  void the_third_failure_leaves_none_so_the_engine_raises_an_incident() {
    ExternalTaskHandler worker =
        (t, s) -> {
          throw new IllegalStateException("broken");
        };
    when(task.getRetries()).thenReturn(2);
    FailureHandling.around(worker, policy).execute(task, service);
    verify(service).handleFailure(eq(task), anyString(), anyString(), eq(1), eq(20_000L));

    when(task.getRetries()).thenReturn(1);
    FailureHandling.around(worker, policy).execute(task, service);
    verify(service).handleFailure(eq(task), contains("请管理员"), contains("broken"), eq(0), eq(0L));
  }

  @Test
  void an_engine_that_cannot_be_told_leaves_the_task_to_its_lock() {
    ExternalTaskHandler worker =
        (t, s) -> {
          throw new IllegalStateException("broken");
        };
    when(task.getRetries()).thenReturn(null);
    doThrow(new IllegalStateException("engine down"))
        .when(service)
        .handleFailure(eq(task), anyString(), anyString(), anyInt(), anyLong());

    FailureHandling.around(worker, policy).execute(task, service);

    verify(service).handleFailure(eq(task), anyString(), anyString(), eq(2), eq(10_000L));
  }

  @Test
  void the_policy_doubles_the_delay_up_to_its_maximum_and_is_applied_once() {
    FailurePolicy five = new FailurePolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(30));
    assertThat(five.retriesLeft(null)).isEqualTo(4);
    assertThat(five.delayBefore(4)).isEqualTo(Duration.ofSeconds(10));
    assertThat(five.delayBefore(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(five.delayBefore(2)).isEqualTo(Duration.ofSeconds(30));
    assertThat(five.delayBefore(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(five.delayBefore(0)).isEqualTo(Duration.ZERO);
    assertThat(five.retriesLeft(0)).isZero();

    ExternalTaskHandler wrapped = FailureHandling.around((t, s) -> {}, policy);
    assertThat(FailureHandling.around(wrapped, five)).isSameAs(wrapped);
  }

  @Test
  void
      a_pooled_worker_runs_on_the_pool_with_the_same_failure_policy_and_a_full_pool_runs_on_the_fetching_thread()
          throws InterruptedException {
    WorkerPool pool = new WorkerPool(List.of("supervision-submit-act"), 1, 1);
    assertThat(pool.serves("supervision-submit-act")).isTrue();
    assertThat(pool.serves("p1-validate-application")).isFalse();
    ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
    CountDownLatch release = new CountDownLatch(1);
    ExternalTaskHandler blocking =
        (t, s) -> {
          threads.add(Thread.currentThread().getName());
          try {
            if (Thread.currentThread().getName().startsWith("fenhe-worker-")) {
              release.await();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new IllegalStateException("broken");
        };
    when(task.getRetries()).thenReturn(null);
    FailureHandling pooled = (FailureHandling) FailureHandling.around(blocking, policy, pool);
    assertThat(pooled.pooled()).isTrue();
    // one running on the pool's thread, one queued: the handing over does not wait
    pooled.execute(task, service);
    pooled.execute(task, service);
    // the queue is full: the fetching thread runs the third itself
    pooled.execute(task, service);
    assertThat(threads).contains(Thread.currentThread().getName());
    release.countDown();
    pool.close();

    assertThat(threads).hasSize(3).contains(Thread.currentThread().getName());
    assertThat(threads.stream().filter(n -> n.startsWith("fenhe-worker-"))).hasSize(2);
    verify(service, org.mockito.Mockito.times(3))
        .handleFailure(eq(task), anyString(), contains("broken"), eq(2), eq(10_000L));
  }
}
