package cn.gov.linfen.fenhe.failures;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.security.DatabaseOutageFilter;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.web.DatabaseUnavailable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A database outage is seen and bounded (issue 13, item 5): readiness includes the database, a
 * connection is waited for 3 s at most, and a request failing for want of one answers 503 in
 * Chinese. The outage itself is measured by bench/failures/db-outage.sh (docs/failures.md).
 */
class DatabaseOutageTest extends IntegrationTest {

  @Autowired HealthEndpointGroups groups;
  @Autowired DataSource dataSource;

  @Test
  void readiness_includes_the_database_and_is_up_while_it_answers() {
    assertThat(groups.get("readiness").isMember("db")).isTrue();
    assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
    assertThat(groups.getPrimary().isMember("db")).isTrue();
    Http.Response readiness = Http.anonymous(baseUrl()).get("/actuator/health/readiness");
    assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
    assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void a_connection_is_waited_for_three_seconds_at_most() throws Exception {
    assertThat(dataSource.unwrap(HikariDataSource.class).getConnectionTimeout()).isEqualTo(3000);
  }

  @Test
  void a_request_failing_for_want_of_a_connection_answers_503_in_chinese() throws Exception {
    // what the engine throws when the pool times out: its exception, around MyBatis', around the
    // pool's
    ProcessEngineException failure =
        new ProcessEngineException(
            "could not open a session",
            new PersistenceException(
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/deadlines");
    MockHttpServletResponse response = new MockHttpServletResponse();

    new DatabaseOutageFilter()
        .doFilter(
            request,
            response,
            (req, res) -> {
              throw failure;
            });

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    @SuppressWarnings("unchecked")
    Map<String, Object> body =
        new ObjectMapper()
            .readValue(
                response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), Map.class);
    assertThat(body)
        .containsEntry("field", "database")
        .containsEntry("reason", DatabaseUnavailable.ERROR.chinese())
        .containsEntry("reasonEn", DatabaseUnavailable.ERROR.english());
  }

  @Test
  void any_other_failure_is_not_called_an_outage() {
    assertThat(
            DatabaseUnavailable.isCause(
                new ProcessEngineException(
                    "ENGINE-03004 constraint violated",
                    new PersistenceException(
                        new java.sql.SQLIntegrityConstraintViolationException(
                            "duplicate", "23505")))))
        .isFalse();
    assertThat(
            DatabaseUnavailable.isCause(
                new ProcessEngineException(
                    "x", new java.sql.SQLException("Connection refused", "08001"))))
        .isTrue();
  }
}
