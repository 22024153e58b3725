package cn.gov.linfen.fenhe.procedures.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.application;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.at;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.demo;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.engine.validation.InvalidTaskCompletionException;
import cn.gov.linfen.fenhe.engine.validation.Refusals;
import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Groups;
import cn.gov.linfen.fenhe.test.CaseScenario;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.test.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Materials (issue 15) on P2: a step that needs a material cannot be completed without it,
 * whichever way it is completed (engine REST complete and submit-form, the engine's Java API under
 * any platform API); only the holder of the step's task adds the material of a group.
 */
class FarmlandMaterialsTest extends IntegrationTest {

  static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  int rows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM fenhe_material", Integer.class);
  }

  static void refusedNaming(Http.Response response, String... names) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).containsPattern(CHINESE).contains(names);
    assertThat(response.json().get("reasonEn").asText()).doesNotContainPattern(CHINESE);
  }

  @Test
  void P2_materials_the_agreement_step_cannot_be_completed_without_the_plan_and_the_draft() {
    at(shanghai("2026-09-10T09:00:00"));
    FarmlandScenario p2 = new FarmlandScenario(engine, baseUrl(), "P2-MAT-" + UUID.randomUUID());
    p2.noticeStartDate = "2026-09-14";
    p2.handsInMaterials = false;
    p2.start(application(Map.of()));
    p2.runUntil(NEGOTIATE);
    String taskId = p2.task(NEGOTIATE, p2.applicant).get("id").asText();
    Map<String, Object> answer = p2.answers.get(NEGOTIATE).variables().apply(p2);
    ObjectNode body = CaseScenario.JSON.createObjectNode();
    body.set("variables", CaseScenario.variables(answer));
    int before = rows();

    // engine REST: complete and submit-form (as Tasklist)
    refusedNaming(
        p2.as(p2.applicant).post("/engine-rest/task/" + taskId + "/complete", body.toString()),
        "设施建设方案",
        "用地协议（公告稿）");
    refusedNaming(
        p2.as(p2.applicant).post("/engine-rest/task/" + taskId + "/submit-form", body.toString()),
        "设施建设方案");
    // the engine's Java API (what any platform API calls)
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, answer))
        .hasCauseInstanceOf(InvalidTaskCompletionException.class)
        .hasMessageContaining("设施建设方案");
    Refusals.take(); // this thread's refusal, as the HTTP layer would take it
    assertThat(p2.openTaskKeys()).containsExactly(NEGOTIATE);
    assertThat(rows()).isEqualTo(before);

    // one of two handed in: the refusal names the other only
    Http.Response plan =
        p2.upload(p2.applicant, "construction-plan", "设施建设方案.pdf", TestFiles.pdf("plan"));
    assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
    Http.Response stillMissing =
        p2.as(p2.applicant).post("/engine-rest/task/" + taskId + "/complete", body.toString());
    refusedNaming(stillMissing, "用地协议（公告稿）");
    assertThat(stillMissing.json().get("message").asText()).doesNotContain("设施建设方案");

    Http.Response draft =
        p2.upload(p2.applicant, "draft-agreement", "用地协议（公告稿）.pdf", TestFiles.pdf("draft"));
    assertThat(draft.status()).isEqualTo(201);
    p2.work(NEGOTIATE);
    p2.runUntil(POST_NOTICE);

    // the notice photo is the village committee's: a committee member who has not claimed the task
    // may not add it, the applicant neither; the holder adds a photo (PNG) and completes
    String committee = demo(Groups.VILLAGE_COMMITTEE);
    Http.Response unclaimed = p2.upload(committee, "notice-photo", "公告照片.png", TestFiles.png());
    assertThat(unclaimed.status()).as(unclaimed.toString()).isEqualTo(403);
    assertThat(unclaimed.json().get("reason").asText()).contains("认领");
    Http.Response byApplicant =
        p2.upload(p2.applicant, "notice-photo", "公告照片.png", TestFiles.png());
    assertThat(byApplicant.status()).as(byApplicant.toString()).isEqualTo(403);
    p2.handsInMaterials = true;
    at(shanghai("2026-09-14T09:30:00"));
    p2.work(POST_NOTICE);
    JsonNode photo = null;
    for (JsonNode m : p2.materials(committee).json()) {
      if (m.get("type").asText().equals("notice-photo")) {
        photo = m;
      }
    }
    assertThat(photo).isNotNull();
    assertThat(photo.get("uploadedBy").asText()).isEqualTo(committee);
    assertThat(photo.get("step").asText()).isEqualTo(POST_NOTICE);
    // the plan of a step that is over cannot be replaced any more
    Http.Response late =
        p2.upload(p2.applicant, "draft-agreement", "新协议.pdf", TestFiles.pdf("late"));
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.json().get("reason").asText()).contains("用地协议（公告稿）");
  }
}
