package cn.gov.linfen.fenhe.workers.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.test.TestClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.Test;

class RecordRegistrationWorkerTest {

  @Test
  void completes_with_a_number_made_of_the_year_in_shanghai_and_the_organisation_code() {
    // 2026-12-31 17:00 UTC is already 2027-01-01 in Shanghai
    FenheClock clock =
        TestClock.of(Clock.fixed(Instant.parse("2026-12-31T17:00:00Z"), ZoneOffset.UTC));
    RecordRegistrationWorker worker =
        new RecordRegistrationWorker(new RegisteringEnterprise(), clock);
    ExternalTask task = mock(ExternalTask.class);
    ExternalTaskService service = mock(ExternalTaskService.class);
    when(task.getVariable("creditCode")).thenReturn("91141000MA0KABCD1W");

    worker.execute(task, service);

    verify(service).complete(task, Map.of("registrationNumber", "LFDJ-2027-MA0KABCD1"));
  }

  @Test
  void refuses_a_code_that_is_not_18_characters() {
    assertThatThrownBy(
            () -> new RegisteringEnterprise().registrationNumber("123", LocalDate.of(2026, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            new RegisteringEnterprise()
                .registrationNumber("91141000MA0KABCD1W", LocalDate.of(2026, 1, 1)))
        .isEqualTo("LFDJ-2026-MA0KABCD1");
  }
}
