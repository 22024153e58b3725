package cn.gov.linfen.fenhe.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.web.DatabaseUnavailable;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/**
 * Which refusals of the database are a person's conflict (409) or an outage (503) rather than a
 * server error (issue 13, items 2 and 5): judged by the SQL state of the cause.
 */
class ConflictInterceptorTest {

  private static ProcessEngineException persistence(Throwable cause) {
    return new ProcessEngineException("An exception occurred in the persistence layer", cause);
  }

  @Test
  void the_same_row_twice_a_deadlock_or_a_lock_timeout_is_a_conflict() {
    assertThat(
            ConflictInterceptor.isConflict(persistence(new SQLException("duplicate key", "23505"))))
        .isTrue();
    assertThat(
            ConflictInterceptor.isConflict(
                persistence(new SQLException("deadlock detected", "40P01"))))
        .isTrue();
    assertThat(
            ConflictInterceptor.isConflict(
                persistence(new SQLException("Timeout trying to lock table", "HYT00"))))
        .isTrue();
    assertThat(
            ConflictInterceptor.isConflict(persistence(new SQLException("syntax error", "42601"))))
        .isFalse();
    assertThat(ConflictInterceptor.isConflict(new ProcessEngineException("no database involved")))
        .isFalse();
  }

  @Test
  void no_connection_from_the_pool_or_a_broken_connection_is_an_outage() {
    assertThat(
            DatabaseUnavailable.isCause(
                persistence(new SQLTransientConnectionException("timed out after 3000ms"))))
        .isTrue();
    assertThat(
            DatabaseUnavailable.isCause(
                persistence(new SQLException("Connection refused", "08001"))))
        .isTrue();
    assertThat(DatabaseUnavailable.isCause(persistence(new SQLException("duplicate key", "23505"))))
        .isFalse();
  }

  @Test
  void an_outage_in_a_persons_request_is_refused_503_and_keeps_its_cause() {
    ConflictInterceptor interceptor = new ConflictInterceptor();
    interceptor.setNext(
        new org.camunda.bpm.engine.impl.interceptor.CommandExecutor() {
          @Override
          public <T> T execute(org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
            throw persistence(new SQLException("Connection refused", "08001"));
          }
        });
    CallerAddress.set("192.0.2.1");
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> interceptor.execute(context -> null))
          .isInstanceOfSatisfying(
              cn.gov.linfen.fenhe.engine.validation.EngineRefusal.class,
              refusal -> {
                assertThat(refusal.status()).isEqualTo(503);
                assertThat(refusal.getCause()).isInstanceOf(ProcessEngineException.class);
              });
    } finally {
      CallerAddress.clear();
      cn.gov.linfen.fenhe.engine.validation.Refusals.take();
    }
  }
}
