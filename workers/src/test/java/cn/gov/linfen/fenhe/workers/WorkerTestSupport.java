package cn.gov.linfen.fenhe.workers;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.test.TestClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.ArgumentCaptor;

/**
 * What the worker unit tests share: a fake external task and service, the output completed with, a
 * fixed clock.
 */
public abstract class WorkerTestSupport {

  protected ExternalTask task;
  protected ExternalTaskService service;

  @BeforeEach
  void fakeTaskAndService() {
    task = mock(ExternalTask.class);
    service = mock(ExternalTaskService.class);
  }

  /** The variables the task was completed with (exactly once). */
  @SuppressWarnings("unchecked")
  protected Map<String, Object> completed() {
    ArgumentCaptor<Map<String, Object>> output = ArgumentCaptor.forClass(Map.class);
    verify(service).complete(eq(task), output.capture());
    return output.getValue();
  }

  /** A worker clock stopped at the instant. */
  protected static FenheClock clockAt(Instant instant) {
    return TestClock.of(Clock.fixed(instant, ZoneOffset.UTC));
  }
}
