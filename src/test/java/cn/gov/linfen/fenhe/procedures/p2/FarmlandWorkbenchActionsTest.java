package cn.gov.linfen.fenhe.procedures.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.application;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.at;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.demo;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Groups;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workbench.CaseEvent;
import cn.gov.linfen.fenhe.workbench.CaseEvent.Action;
import cn.gov.linfen.fenhe.workbench.CaseEvents;
import cn.gov.linfen.fenhe.workbench.Notification.Kind;
import cn.gov.linfen.fenhe.workbench.Notifications;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workbench's actions on a P2 case (设施农业用地备案), whose steps are offered to county groups (尧都区):
 * a transfer stays within the step's county group (X-R03), a return goes back to the applicant's
 * own step, and P2 has no withdrawal (409).
 */
class FarmlandWorkbenchActionsTest extends IntegrationTest {

  static final String YAODU_COLLEAGUE = "wb-village-committee-yaodu-2";

  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired Notifications notifications;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  private void yaoduColleague() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(YAODU_COLLEAGUE).count() == 0) {
      var user = identity.newUser(YAODU_COLLEAGUE);
      user.setFirstName("尧都区村委会");
      user.setLastName("同事");
      user.setPassword(DEMO_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(YAODU_COLLEAGUE, Groups.VILLAGE_COMMITTEE);
      identity.createMembership(YAODU_COLLEAGUE, FarmlandScenario.group(Groups.VILLAGE_COMMITTEE));
    }
  }

  @Test
  void X_R03_a_transfer_stays_in_the_county_group_and_a_return_goes_back_to_the_applicant() {
    yaoduColleague();
    at(shanghai("2026-09-10T09:00:00"));
    FarmlandScenario p2 =
        new FarmlandScenario(engine, baseUrl(), "WB-P2-" + UUID.randomUUID())
            .start(application(Map.of()));
    p2.runUntil(POST_NOTICE);
    assertThat(p2.openTaskKeys()).containsExactly(POST_NOTICE);
    String id = p2.openTask(POST_NOTICE).getId();
    String officer = demo(Groups.VILLAGE_COMMITTEE);

    assertThat(as(officer).post("/api/tasks/" + id + "/claim", "").status()).isEqualTo(200);
    // the task's case for the task screen (officers read no process instance of the engine); a
    // stranger gets the same 404 as for an action
    Http.Response ofTask = as(officer).get("/api/tasks/" + id + "/case");
    assertThat(ofTask.status()).as(ofTask.toString()).isEqualTo(200);
    assertThat(ofTask.json().get("businessKey").asText()).isEqualTo(p2.businessKey);
    assertThat(ofTask.json().get("procedureKey").asText()).isEqualTo(FarmlandProcess.KEY);
    assertThat(as("demo-enterprise").get("/api/tasks/" + id + "/case").status()).isEqualTo(404);
    // 侯马市's village committee officer is in the role, not in 尧都区's group of the step
    Http.Response elsewhere =
        as(officer)
            .post(
                "/api/tasks/" + id + "/transfer",
                "{\"userId\":\"" + officer + "-houma\",\"reason\":\"请同事张贴\"}");
    assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(400);
    assertThat(elsewhere.json().get("field").asText()).isEqualTo("userId");
    assertThat(elsewhere.json().get("reason").asText()).contains("不在本任务的候选组中");
    assertThat(p2.openTask(POST_NOTICE).getAssignee()).isEqualTo(officer);

    Http.Response transferred =
        as(officer)
            .post(
                "/api/tasks/" + id + "/transfer",
                "{\"userId\":\"" + YAODU_COLLEAGUE + "\",\"reason\":\"请同事张贴\"}");
    assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
    assertThat(p2.openTask(POST_NOTICE).getAssignee()).isEqualTo(YAODU_COLLEAGUE);

    Http.Response targets = as(YAODU_COLLEAGUE).get("/api/tasks/" + id + "/return-targets");
    assertThat(targets.status()).as(targets.toString()).isEqualTo(200);
    assertThat(targets.json().findValuesAsText("activityId")).containsExactly(NEGOTIATE);
    assertThat(targets.json().get(0).get("lastAssignee").asText()).isEqualTo(p2.applicant);

    Http.Response returned =
        as(YAODU_COLLEAGUE)
            .post(
                "/api/tasks/" + id + "/return",
                "{\"targetActivityId\":\"" + NEGOTIATE + "\",\"reason\":\"协议未写明土地复垦要求\"}");
    assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
    assertThat(p2.openTaskKeys()).containsExactly(NEGOTIATE);
    Task again = p2.openTask(NEGOTIATE);
    assertThat(again.getAssignee()).isEqualTo(p2.applicant);
    assertThat(
            notifications.list(p2.applicant, false, 0, 50).stream()
                .filter(n -> p2.processInstanceId.equals(n.processInstanceId()))
                .filter(n -> n.kind() == Kind.TASK_RETURNED))
        .singleElement()
        .satisfies(n -> assertThat(n.body()).contains("协议未写明土地复垦要求"));
    assertThat(events.forCase(p2.processInstanceId))
        .extracting(CaseEvent::action)
        .containsExactly(Action.CLAIM, Action.TRANSFER, Action.RETURN);

    // P2 has no withdrawal: the case screen offers none, the same action answers 409 in Chinese
    assertThat(
            as(p2.applicant)
                .get("/api/cases/" + p2.businessKey)
                .json()
                .get("mayWithdraw")
                .asBoolean())
        .isFalse();
    Http.Response withdraw =
        as(p2.applicant)
            .post("/api/workbench/cases/" + p2.businessKey + "/withdraw", "{\"reason\":\"不再建设\"}");
    assertThat(withdraw.status()).as(withdraw.toString()).isEqualTo(409);
    assertThat(withdraw.json().get("reason").asText()).contains("不能撤回");
    assertThat(p2.ended()).isFalse();
  }
}
