package cn.gov.linfen.fenhe.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The calendar's REST API as its users call it, the run-time years and the warnings. */
class CalendarApiTest extends IntegrationTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired AuditLog auditLog;
  @Autowired CalendarHealthIndicator health;

  private static Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void clockAt(int year, int month, int day) {
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, SHANGHAI).toInstant()));
  }

  @Test
  void X_R01_workdays_add_gives_the_nth_working_day_after_from() {
    Http.Response response =
        as("demo-jilin-investment").get("/api/calendar/workdays/add?from=2026-09-30&days=3");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().get("date").asText()).isEqualTo("2026-10-10");
    assertThat(response.json().get("provisional").asBoolean()).isFalse();
    assertThat(response.json().get("deadline").asText()).isEqualTo("2026-10-10T18:00+08:00");

    JsonNode crossing =
        as("demo-supervisors").get("/api/calendar/workdays/add?from=2021-09-17&days=3").json();
    assertThat(crossing.get("date").asText()).isEqualTo("2021-09-23");
  }

  @Test
  void X_R01_a_day_says_whether_it_is_a_working_day_and_why() {
    JsonNode makeUp = as("demo-enterprise").get("/api/calendar/days/2026-10-10").json();
    assertThat(makeUp.get("workingDay").asBoolean()).isTrue();
    assertThat(makeUp.get("reason").asText()).isEqualTo("MAKE_UP_WORKDAY");
    assertThat(makeUp.get("reasonLabel").asText()).isEqualTo("调休上班");
    assertThat(makeUp.get("holiday").asText()).isEqualTo("国庆节");
    assertThat(makeUp.get("dayOfWeek").asText()).isEqualTo("星期六");

    JsonNode holiday = as("demo-enterprise").get("/api/calendar/days/2026-02-17").json();
    assertThat(holiday.get("workingDay").asBoolean()).isFalse();
    assertThat(holiday.get("reason").asText()).isEqualTo("HOLIDAY");
    assertThat(holiday.get("reasonLabel").asText()).isEqualTo("法定节假日");
    assertThat(holiday.get("holiday").asText()).isEqualTo("春节");

    JsonNode weekend = as("demo-enterprise").get("/api/calendar/days/2026-03-07").json();
    assertThat(weekend.get("reason").asText()).isEqualTo("WEEKEND");
    assertThat(weekend.get("holiday").isNull()).isTrue();

    JsonNode noData = as("demo-enterprise").get("/api/calendar/days/2035-01-01").json();
    assertThat(noData.get("workingDay").asBoolean()).isTrue();
    assertThat(noData.get("provisional").asBoolean()).isTrue();
  }

  @Test
  void X_R04_bad_dates_and_days_are_refused_with_400_naming_the_field() {
    Http caller = as("demo-enterprise");
    assertRefused(caller.get("/api/calendar/workdays/add?from=2026-02-30&days=1"), "from");
    assertRefused(caller.get("/api/calendar/workdays/add?from=30.09.2026&days=1"), "from");
    assertRefused(caller.get("/api/calendar/workdays/add?days=1"), "from");
    assertRefused(caller.get("/api/calendar/workdays/add?from=2026-09-30&days=-1"), "days");
    assertRefused(caller.get("/api/calendar/workdays/add?from=2026-09-30&days=drei"), "days");
    assertRefused(caller.get("/api/calendar/workdays/add?from=2026-09-30"), "days");
    assertRefused(caller.get("/api/calendar/days/2026-13-01"), "date");
    assertRefused(caller.get("/api/calendar/years/abc"), "year");
  }

  @Test
  void the_calendar_api_needs_a_user() {
    assertThat(Http.anonymous(baseUrl()).get("/api/calendar/days/2026-10-10").status())
        .isEqualTo(401);
    assertThat(
            Http.anonymous(baseUrl())
                .get("/api/calendar/workdays/add?from=2026-09-30&days=3")
                .status())
        .isEqualTo(401);
  }

  @Test
  void the_shipped_years_are_listed_with_their_notices() {
    JsonNode years = as("demo-supervisors").get("/api/calendar/years").json().get("years");
    assertThat(years.findValuesAsText("year")).contains("2021", "2026");
    JsonNode y2026 = as("demo-supervisors").get("/api/calendar/years/2026").json();
    assertThat(y2026.get("notice").asText()).isEqualTo("国办发明电〔2025〕7号");
    assertThat(y2026.get("source").asText()).isEqualTo("FILE");
    assertThat(y2026.get("holidays")).hasSize(7);
    assertThat(as("demo-supervisors").get("/api/calendar/years/2099").status()).isEqualTo(404);
  }

  @Test
  void X_R01_an_administrator_adds_a_year_it_is_used_at_once_and_audited() {
    Http admin = as("admin");
    // 2031-01-01 is a Wednesday; without data, Thursday 2 January is a (provisional) working day
    JsonNode before = admin.get("/api/calendar/workdays/add?from=2031-01-01&days=1").json();
    assertThat(before.get("date").asText()).isEqualTo("2031-01-02");
    assertThat(before.get("provisional").asBoolean()).isTrue();

    Http.Response put =
        admin.put(
            "/api/calendar/years/2031",
            """
        {"notice":"国办发明电〔2030〕9号（测试）","published":"2030-11-03",
         "holidays":[{"name":"元旦","from":"2031-01-01","to":"2031-01-03"}],
         "makeUpWorkdays":[{"date":"2031-01-04","holiday":"元旦"}]}""");
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertThat(put.json().get("source").asText()).isEqualTo("DATABASE");
    assertThat(put.json().get("updatedBy").asText()).isEqualTo("admin");

    JsonNode after = admin.get("/api/calendar/workdays/add?from=2031-01-01&days=1").json();
    assertThat(after.get("date").asText()).isEqualTo("2031-01-04");
    assertThat(after.get("provisional").asBoolean()).isFalse();
    assertThat(admin.get("/api/calendar/days/2031-01-02").json().get("holiday").asText())
        .isEqualTo("元旦");

    var entries = auditLog.entriesAbout(CalendarYears.subject(2031), 10);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).actor()).isEqualTo("admin");
    assertThat(entries.get(0).action()).isEqualTo(CalendarYears.AUDIT_ACTION);
    assertThat(entries.get(0).details()).contains("\"before\":null").contains("2031-01-04");

    // a correction is audited with what it replaced
    Http.Response corrected =
        admin.put(
            "/api/calendar/years/2031",
            """
        {"notice":"国办发明电〔2030〕9号（测试）",
         "holidays":[{"name":"元旦","from":"2031-01-01","to":"2031-01-01"}]}""");
    assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
    assertThat(
            admin
                .get("/api/calendar/workdays/add?from=2031-01-01&days=1")
                .json()
                .get("date")
                .asText())
        .isEqualTo("2031-01-02");
    entries = auditLog.entriesAbout(CalendarYears.subject(2031), 10);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).details())
        .contains("\"beforeSource\":\"DATABASE\"")
        .contains("2031-01-03");
  }

  @Test
  void X_R04_a_year_from_someone_not_an_administrator_is_refused_with_403_and_nothing_is_written() {
    Http.Response put =
        as("demo-supervisors")
            .put(
                "/api/calendar/years/2032",
                """
        {"notice":"国办发明电〔2031〕1号","holidays":[{"name":"元旦","from":"2032-01-01","to":"2032-01-01"}]}""");
    assertThat(put.status()).isEqualTo(403);
    assertThat(put.body()).contains("系统管理员").contains("administrators");
    assertThat(as("demo-reform-office").put("/api/calendar/years/2032", "{}").status())
        .isEqualTo(403);
    assertThat(as("admin").get("/api/calendar/years/2032").status()).isEqualTo(404);
    assertThat(auditLog.entriesAbout(CalendarYears.subject(2032), 10)).isEmpty();
  }

  @Test
  void X_R04_a_bad_year_is_refused_with_400_naming_the_field_and_nothing_is_written() {
    Http admin = as("admin");
    assertRefused(
        admin.put(
            "/api/calendar/years/2033",
            """
        {"notice":"国办发明电〔2032〕1号","holidays":[{"name":"元旦","from":"2033-01-01","to":"2033-01-01"}],
         "makeUpWorkdays":[{"date":"2033-01-03","holiday":"元旦"}]}"""),
        "makeUpWorkdays[0].date");
    assertRefused(
        admin.put(
            "/api/calendar/years/2033",
            "{\"notice\":\"x\",\"holidays\":[{\"name\":\"元旦\",\"from\":\"2033-1-1\",\"to\":\"2033-01-01\"}]}"),
        "holidays[0].from");
    assertRefused(admin.put("/api/calendar/years/2033", "{\"holidays\":"), "body");
    assertRefused(
        admin.put("/api/calendar/years/2033", "{\"year\":2034,\"notice\":\"x\",\"holidays\":[]}"),
        "year");
    assertRefused(admin.put("/api/calendar/years/1800", "{}"), "year");
    assertThat(admin.get("/api/calendar/years/2033").status()).isEqualTo(404);
    assertThat(auditLog.entriesAbout(CalendarYears.subject(2033), 10)).isEmpty();
  }

  @Test
  void X_R01_from_1_november_the_health_and_status_warn_that_next_years_data_is_missing() {
    clockAt(2026, 11, 5);
    Health result = health.health();
    assertThat(result.getStatus()).isEqualTo(Status.UP);
    assertThat(result.getDetails().get("missingYears")).asList().containsExactly(2027);
    assertThat((String) result.getDetails().get("warning")).contains("2027").contains("工作日数据");
    assertThat((String) result.getDetails().get("warningEn")).contains("2027").contains("missing");

    JsonNode status = as("demo-supervisors").get("/api/calendar/status").json();
    assertThat(status.get("today").asText()).isEqualTo("2026-11-05");
    assertThat(status.get("missingYears").get(0).asInt()).isEqualTo(2027);
    assertThat(status.get("warning").asText()).contains("缺少 2027 年");
    assertThat(status.get("yearsCovered").toString()).contains("2026");
  }

  @Test
  void X_R01_before_1_november_a_missing_next_year_is_no_warning_yet() {
    clockAt(2026, 10, 31);
    Health result = health.health();
    assertThat(result.getStatus()).isEqualTo(Status.UP);
    assertThat(result.getDetails()).doesNotContainKey("warning");
    assertThat(as("demo-supervisors").get("/api/calendar/status").json().get("warning").isNull())
        .isTrue();
  }

  @Test
  void me_carries_no_csrf_token_without_a_session() {
    JsonNode me = as("demo-enterprise").get("/api/me").json();
    assertThat(me.has("csrfToken")).isTrue();
    assertThat(me.get("csrfToken").isNull()).isTrue();
  }

  private static void assertRefused(Http.Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("field").asText()).isEqualTo(field);
    assertThat(response.json().get("reason").asText()).isNotBlank();
    assertThat(response.json().get("reasonEn").asText()).isNotBlank();
  }
}
