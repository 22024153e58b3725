package cn.gov.linfen.fenhe.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Notifications: 新待办 for a group's new task (engine transaction), read and unread by their owner
 * only, and 即将到期 / 已超期 from the working-day deadlines across National Day 2026 (make-up Saturday 10
 * October).
 */
class NotificationsApiTest extends IntegrationTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DeadlineNotifier deadlines;
  @Autowired JdbcTemplate jdbc;

  private String key;
  private Deployment deployment;

  @BeforeEach
  void deployAStepForJilinDueIn3WorkingDays() {
    key = "wb-notify-" + UUID.randomUUID().toString().substring(0, 8);
    deployment =
        repositoryService
            .createDeployment()
            .addModelInstance(
                key + ".bpmn",
                Bpmn.createExecutableProcess(key)
                    .name("消息测试事项")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("UserTask_Transfer")
                    .name("划转资金")
                    .camundaCandidateGroups("jilin-investment")
                    .camundaDueDate("3WD")
                    .endEvent()
                    .done())
            .deploy();
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  private static void now(String localDateTime) {
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.of(LocalDateTime.parse(localDateTime), SHANGHAI).toInstant()));
  }

  private static Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  private static List<JsonNode> about(JsonNode items, String taskId) {
    List<JsonNode> found = new ArrayList<>();
    items.forEach(
        item -> {
          if (taskId.equals(item.path("taskId").asText())) {
            found.add(item);
          }
        });
    return found;
  }

  private List<String> kindsFor(String user, String taskId) {
    return jdbc.queryForList(
        "SELECT kind FROM fenhe_notification WHERE user_id = ? AND task_id = ? ORDER BY id",
        String.class,
        user,
        taskId);
  }

  @Test
  void a_new_group_task_tells_the_group_and_only_its_owner_marks_it_read() {
    String businessKey = "NT-" + UUID.randomUUID().toString().substring(0, 8);
    runtimeService.startProcessInstanceByKey(key, businessKey);
    Task task =
        taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();

    JsonNode mine =
        as("demo-jilin-investment").get("/api/notifications?unread=true&size=100").json();
    List<JsonNode> told = about(mine.get("items"), task.getId());
    assertThat(told).hasSize(1);
    JsonNode notice = told.get(0);
    assertThat(notice.get("kind").asText()).isEqualTo("task-new");
    assertThat(notice.get("kindLabel").asText()).isEqualTo("新待办");
    assertThat(notice.get("title").asText()).isEqualTo("新待办：划转资金");
    assertThat(notice.get("body").asText()).contains("消息测试事项", businessKey);
    assertThat(notice.get("read").asBoolean()).isFalse();
    assertThat(mine.get("unread").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(kindsFor("demo-finance-bureau", task.getId())).isEmpty();

    long id = notice.get("id").asLong();
    Http.Response other = as("demo-finance-bureau").post("/api/notifications/" + id + "/read", "");
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.json().get("reason").asText()).isEqualTo("没有这条消息");

    Http.Response read = as("demo-jilin-investment").post("/api/notifications/" + id + "/read", "");
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().get("read").asBoolean()).isTrue();
    JsonNode unread =
        as("demo-jilin-investment").get("/api/notifications?unread=true&size=100").json();
    assertThat(about(unread.get("items"), task.getId())).isEmpty();

    as("demo-jilin-investment").post("/api/notifications/read-all", "");
    assertThat(
            as("demo-jilin-investment")
                .get("/api/notifications/unread-count")
                .json()
                .get("unread")
                .asLong())
        .isZero();
    assertThat(as("demo-jilin-investment").get("/api/notifications?size=500").status())
        .isEqualTo(400);
  }

  @Test
  void deadline_near_and_overdue_follow_the_working_days_across_national_day_once_each() {
    now("2026-09-30T10:00");
    String businessKey = "NT-" + UUID.randomUUID().toString().substring(0, 8);
    runtimeService.startProcessInstanceByKey(key, businessKey);
    Task task =
        taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    // 3 working days from 30 September: 8, 9 and the make-up Saturday 10 October, 18:00
    assertThat(task.getDueDate().toInstant().atZone(SHANGHAI).toLocalDateTime())
        .isEqualTo(LocalDateTime.parse("2026-10-10T18:00"));

    now("2026-10-01T09:00"); // holiday: nine calendar days left, two working days after today
    deadlines.scan();
    now("2026-10-08T09:00"); // two working days left (9th, 10th): not near yet
    deadlines.scan();
    assertThat(kindsFor("demo-jilin-investment", task.getId())).containsExactly("task-new");

    now("2026-10-09T10:00"); // the make-up Saturday is the next working day
    deadlines.scan();
    deadlines.scan();
    assertThat(kindsFor("demo-jilin-investment", task.getId()))
        .containsExactly("task-new", "deadline-near");

    now("2026-10-12T09:00"); // Monday after the make-up Saturday
    deadlines.scan();
    deadlines.scan();
    assertThat(kindsFor("demo-jilin-investment", task.getId()))
        .containsExactly("task-new", "deadline-near", "overdue");
    JsonNode overdue =
        about(
                as("demo-jilin-investment")
                    .get("/api/notifications?unread=true&size=100")
                    .json()
                    .get("items"),
                task.getId())
            .get(0);
    assertThat(overdue.get("title").asText()).isEqualTo("已超期：划转资金");
    assertThat(overdue.get("body").asText()).contains("2026年10月10日 18:00");
  }
}
