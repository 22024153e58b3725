package cn.gov.linfen.fenhe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.engine.validation.EngineRefusal;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Expressions never reach the engine's expression language in a query (issue 12, item 1): the
 * request guard refuses them at the door, after JSON's escapes are decoded; the engine refuses them
 * again for every query and filter, whichever way they arrive. Each test names the channel.
 */
class EngineGuardsTest extends IntegrationTest {

  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired DataSource dataSource;

  private static Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  private static void assertRefusedExpression(Http.Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("field").asText()).isEqualTo(field);
    assertThat(response.json().get("reason").asText()).contains("表达式");
    assertThat(response.body()).doesNotContain("ELException").doesNotContain("noSuchFunction'");
  }

  @Test
  void an_expression_escaped_as_json_unicode_in_orQueries_is_refused_before_it_is_evaluated() {
    Http officer = as("demo-supervising-department");
    assertRefusedExpression(
        officer.post(
            "/engine-rest/task?maxResults=5",
            "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{noSuchFunction()}\"}]}"),
        "assigneeExpression");
    assertRefusedExpression(
        officer.post(
            "/engine-rest/task?maxResults=5",
            "{\"orQueries\":[{\"assigneeExpression\":\"$\\u007bnoSuchFunction()}\"}]}"),
        "assigneeExpression");
    assertRefusedExpression(
        officer.post(
            "/engine-rest/task?maxResults=5",
            "{\"orQueries\":[{\"candidateGroupExpression\":\"\\u0023{noSuchFunction()}\"}]}"),
        "candidateGroupExpression");
    assertRefusedExpression(
        officer.post(
            "/engine-rest/task/count",
            "{\"orQueries\":[{\"processInstanceBusinessKeyLike\":\"%\"},{\"dueBeforeExpression\":\"\\u0024{now()}\"}]}"),
        "dueBeforeExpression");
  }

  @Test
  void an_expression_key_is_refused_whatever_its_value_looks_like() {
    assertRefusedExpression(
        as("demo-enterprise")
            .post(
                "/engine-rest/task?maxResults=5",
                "{\"orQueries\":[{\"dueBeforeExpression\":\"now\"}]}"),
        "dueBeforeExpression");
    assertRefusedExpression(
        as("demo-enterprise").get("/engine-rest/task?maxResults=5&dueAfterExpression=now"),
        "dueAfterExpression");
  }

  @Test
  void the_webapps_api_refuses_an_escaped_expression_too() {
    assertRefusedExpression(
        as("demo-enterprise")
            .post(
                "/camunda/api/engine/engine/default/task?maxResults=5",
                "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{noSuchFunction()}\"}]}"),
        "assigneeExpression");
  }

  @Test
  void the_engine_itself_refuses_an_expression_in_an_or_query_of_the_java_api() {
    identityService.setAuthentication(
        "demo-supervising-department", java.util.List.of("supervising-department"));
    try {
      TaskQuery query =
          taskService.createTaskQuery().or().taskAssigneeExpression("${noSuchFunction()}").endOr();
      assertThatThrownBy(query::list).isInstanceOf(EngineRefusal.class).hasMessageContaining("表达式");
      TaskQuery counted =
          taskService
              .createTaskQuery()
              .or()
              .taskCandidateGroupExpression("${noSuchFunction()}")
              .endOr();
      assertThatThrownBy(counted::count).isInstanceOf(EngineRefusal.class);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void a_filter_with_an_expression_in_an_or_query_cannot_be_saved_by_anyone() {
    TaskQuery query =
        taskService.createTaskQuery().or().taskAssigneeExpression("${currentUser()}").endOr();
    Filter filter = filterService.newTaskFilter("表达式过滤器-" + UUID.randomUUID()).setQuery(query);
    assertThatThrownBy(() -> filterService.saveFilter(filter)).isInstanceOf(EngineRefusal.class);
    assertThat(filterService.createFilterQuery().filterName(filter.getName()).count()).isZero();

    Http.Response created =
        as("admin")
            .post(
                "/engine-rest/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{currentUser()}\"}]}}");
    assertRefusedExpression(created, "assigneeExpression");
  }

  @Test
  void a_filter_row_planted_in_the_database_with_an_expression_is_listed_but_refuses_to_run()
      throws Exception {
    String id = "planted-" + UUID.randomUUID();
    TaskQuery query =
        taskService.createTaskQuery().or().taskAssigneeExpression("${noSuchFunction()}").endOr();
    String json =
        new JsonTaskQueryConverter().toJson(query); // the engine's own converter, unguarded
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into ACT_RU_FILTER (ID_, REV_, RESOURCE_TYPE_, NAME_, OWNER_, QUERY_, PROPERTIES_) values (?, 1, 'Task', ?, null, ?, null)")) {
      insert.setString(1, id);
      insert.setString(2, "植入的过滤器");
      insert.setString(3, json);
      insert.executeUpdate();
    }
    try {
      assertThat(as("admin").get("/engine-rest/filter/" + id).status()).isEqualTo(200);
      assertRefusedExpression(
          as("admin").get("/engine-rest/filter/" + id + "/list?maxResults=5"),
          "taskAssigneeExpression");
      assertRefusedExpression(
          as("admin").post("/engine-rest/filter/" + id + "/count", "{}"), "taskAssigneeExpression");
      assertThatThrownBy(() -> filterService.list(id)).isInstanceOf(EngineRefusal.class);
    } finally {
      filterService.deleteFilter(id);
    }
    assertThat(filterService.getFilter(id)).isNull();
  }

  @Test
  void a_filter_run_with_an_extending_query_that_has_an_expression_is_refused() {
    Filter filter =
        filterService.saveFilter(
            filterService
                .newTaskFilter("扩展查询-" + UUID.randomUUID())
                .setQuery(taskService.createTaskQuery()));
    try {
      TaskQuery extending =
          taskService.createTaskQuery().or().taskOwnerExpression("${noSuchFunction()}").endOr();
      assertThatThrownBy(() -> filterService.list(filter.getId(), extending))
          .isInstanceOf(EngineRefusal.class);
    } finally {
      filterService.deleteFilter(filter.getId());
    }
  }
}
