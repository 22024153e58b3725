package cn.gov.linfen.fenhe.procedures.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Elements.POST_NOTICE;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.application;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.at;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A P2 case worked a few steps by its users, then seen in the workbench: the case view's header,
 * timeline, path taken and form data, the applicant's 我发起的 and the officers' 已办 and 待办 — and a
 * stranger or the other county's officer finds no such case.
 */
class FarmlandWorkbenchCaseTest extends IntegrationTest {

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void a_p2_case_after_a_few_steps_shows_its_path_timeline_and_lists() {
    at(shanghai("2026-09-10T09:00:00"));
    FarmlandScenario p2 = new FarmlandScenario(engine, baseUrl(), "P2-WB-" + UUID.randomUUID());
    p2.noticeStartDate = "2026-09-14";
    p2.start(application(Map.of()));
    p2.runUntil(POST_NOTICE);
    List<String> worked = p2.worked();
    assertThat(worked).isNotEmpty();

    Http applicant = p2.as(p2.applicant);
    JsonNode view = applicant.get("/api/cases/" + p2.businessKey).json();
    assertThat(view.get("header").get("procedure").asText()).isEqualTo("设施农业用地协商、公告与备案");
    assertThat(view.get("header").get("applicant").asText()).isEqualTo("临汾市尧都区丰禾农业专业合作社");
    assertThat(view.get("role").asText()).isEqualTo("applicant");

    JsonNode highlights = view.get("highlights");
    List<String> finished = texts(highlights.get("finished"));
    assertThat(finished).containsAll(worked);
    assertThat(texts(highlights.get("current"))).contains(POST_NOTICE);
    assertThat(highlights.get("flows").size()).isGreaterThanOrEqualTo(worked.size());

    List<String> stepIds = new ArrayList<>();
    view.get("steps").forEach(step -> stepIds.add(step.path("activityId").asText()));
    assertThat(stepIds).containsAll(worked).contains(POST_NOTICE);
    assertThat(stepIds.get(stepIds.size() - 1)).isEqualTo(POST_NOTICE);
    view.get("steps")
        .forEach(
            step -> assertThat(step.get("name").asText()).containsPattern("[\\u4e00-\\u9fff]"));

    JsonNode variables = view.get("variables");
    assertThat(variables.size()).isGreaterThan(3);
    variables.forEach(
        variable ->
            assertThat(variable.get("label").asText()).containsPattern("[\\u4e00-\\u9fff]"));

    JsonNode started =
        applicant
            .get("/api/workbench/started?procedure=farmland-facility-filing&q=" + p2.businessKey)
            .json();
    assertThat(started.get("total").asLong()).isEqualTo(1);
    assertThat(started.get("items").get(0).get("applicant").asText()).isEqualTo("临汾市尧都区丰禾农业专业合作社");
    assertThat(started.get("items").get(0).get("stateLabel").asText()).isEqualTo("办理中");

    String officer = p2.userOf(POST_NOTICE);
    JsonNode todo =
        p2.as(officer)
            .get("/api/workbench/todo?procedure=farmland-facility-filing&q=" + p2.businessKey)
            .json();
    assertThat(todo.get("total").asLong()).isEqualTo(1);
    assertThat(todo.get("items").get(0).get("stepId").asText()).isEqualTo(POST_NOTICE);

    JsonNode officerView = p2.as(officer).get("/api/cases/" + p2.businessKey).json();
    assertThat(officerView.get("currentTasks").get(0).get("mayAct").asBoolean()).isTrue();

    assertThat(p2.as("demo-tax-bureau").get("/api/cases/" + p2.businessKey).status())
        .isEqualTo(404);
    assertThat(p2.as(officer + "-houma").get("/api/cases/" + p2.businessKey).status())
        .isEqualTo(404);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
