package cn.gov.linfen.fenhe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** X-R03: a county officer sees only his county's cases. */
class CountyScopeTest extends IntegrationTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  private String key;
  private Deployment deployment;

  @BeforeEach
  void deployACountyStep() {
    key = "county-scope-" + UUID.randomUUID().toString().substring(0, 8);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(key)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("UserTask_CountyReview")
            .name("县级审核")
            .camundaCandidateGroups("${counties.group('county-industry-it', county)}")
            .endEvent()
            .done();
    deployment =
        repositoryService.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  private int tasksSeenBy(String user, String businessKey) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD)
        .get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&maxResults=10")
        .json()
        .size();
  }

  @Test
  void X_R03_a_county_officer_sees_the_tasks_of_his_county_and_not_those_of_another() {
    String yaodu = "CS-" + UUID.randomUUID();
    String houma = "CS-" + UUID.randomUUID();
    runtimeService.startProcessInstanceByKey(key, yaodu, Map.of("county", "尧都区"));
    runtimeService.startProcessInstanceByKey(key, houma, Map.of("county", "侯马市"));

    assertThat(tasksSeenBy("demo-county-industry-it", yaodu)).isEqualTo(1);
    assertThat(tasksSeenBy("demo-county-industry-it", houma)).isZero();
    assertThat(tasksSeenBy("demo-county-industry-it-houma", houma)).isEqualTo(1);
    assertThat(tasksSeenBy("demo-county-industry-it-houma", yaodu)).isZero();
    assertThat(tasksSeenBy("demo-county-finance", yaodu)).isZero();
    assertThat(tasksSeenBy("demo-supervisors", yaodu)).isEqualTo(1);
  }

  @Test
  void X_R03_a_case_with_an_unknown_county_cannot_reach_a_county_step() {
    assertThatThrownBy(
            () -> runtimeService.startProcessInstanceByKey(key, "CS-BAD", Map.of("county", "北京市")))
        .hasMessageContaining("unknown county");
  }

  @Test
  void every_county_has_a_group_for_every_county_level_role() {
    Http admin = Http.as(baseUrl(), "admin", DEMO_PASSWORD);
    for (County county : County.values()) {
      for (FenheGroup role : FenheGroup.values()) {
        if (role.isCountyScoped()) {
          assertThat(
                  admin
                      .get("/engine-rest/group/count?id=" + county.groupOf(role))
                      .json()
                      .get("count")
                      .asInt())
              .as(county.groupOf(role))
              .isEqualTo(1);
        }
      }
    }
  }
}
