package cn.gov.linfen.fenhe.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.example.ExampleRegistrationProcess;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Who sees a case: its applicant, its officers, supervisors, readers — and nobody else. */
class CaseAccessTest extends IntegrationTest {

  @Autowired CaseAccess access;
  @Autowired NamedParameterJdbcTemplate jdbc;

  private static final FenheUser APPLICANT =
      new FenheUser("demo-enterprise", List.of("enterprise"));
  private static final FenheUser OFFICER =
      new FenheUser("someone-of-the-bureau", List.of("industry-it-bureau"));
  private static final FenheUser SUPERVISOR =
      new FenheUser("demo-supervisors", List.of("supervisors"));
  private static final FenheUser STRANGER =
      new FenheUser("demo-reform-office", List.of("reform-office"));
  private static final FenheUser ANOTHER_APPLICANT =
      new FenheUser("another-enterprise", List.of("enterprise"));

  private String startCase() {
    String businessKey = "CASE-ACCESS-" + UUID.randomUUID();
    Http.Response started =
        Http.as(baseUrl(), "demo-enterprise", DEMO_PASSWORD)
            .post(
                "/engine-rest/process-definition/key/" + ExampleRegistrationProcess.KEY + "/start",
                """
                {"businessKey":"%s","variables":{"enterpriseName":{"value":"临汾市某钢铁有限公司"},
                 "creditCode":{"value":"91141000MA0KABCD1W"}}}"""
                    .formatted(businessKey));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    return businessKey;
  }

  @Test
  void the_applicant_officers_of_a_candidate_group_and_supervisors_see_the_case() {
    String businessKey = startCase();

    CaseRef asApplicant = access.find(APPLICANT, businessKey).orElseThrow();
    assertThat(asApplicant.role()).isEqualTo(CaseRole.APPLICANT);
    assertThat(asApplicant.mayAct()).isTrue();
    assertThat(asApplicant.processDefinitionKey()).isEqualTo(ExampleRegistrationProcess.KEY);
    assertThat(asApplicant.startUserId()).isEqualTo("demo-enterprise");
    assertThat(asApplicant.ended()).isFalse();

    CaseRef asOfficer = access.find(OFFICER, businessKey).orElseThrow();
    assertThat(asOfficer.role()).isEqualTo(CaseRole.OFFICER);
    assertThat(asOfficer.mayAct()).isTrue();

    CaseRef asSupervisor = access.find(SUPERVISOR, businessKey).orElseThrow();
    assertThat(asSupervisor.role()).isEqualTo(CaseRole.SUPERVISOR);
    assertThat(asSupervisor.mayAct()).isFalse();

    assertThat(access.findByProcessInstance(OFFICER, asApplicant.processInstanceId()))
        .contains(asOfficer);
  }

  @Test
  void a_stranger_and_another_applicant_are_told_there_is_no_such_case() {
    String businessKey = startCase();

    assertThat(access.find(STRANGER, businessKey)).isEmpty();
    assertThat(access.find(ANOTHER_APPLICANT, businessKey)).isEmpty();
    assertThat(access.find(OFFICER, "NO-SUCH-CASE-" + UUID.randomUUID())).isEmpty();
    assertThat(access.find(OFFICER, " ")).isEmpty();
    assertThatThrownBy(() -> access.require(STRANGER, businessKey))
        .isInstanceOfSatisfying(
            CaseNotFoundException.class,
            e -> {
              assertThat(e.error().field()).isEqualTo("businessKey");
              assertThat(e.error().chinese()).contains("未找到该案件");
            });
  }

  @Test
  void a_reader_added_by_a_bean_reads_and_never_acts() {
    String businessKey = startCase();
    String instance = access.find(APPLICANT, businessKey).orElseThrow().processInstanceId();
    assertThat(access.find(STRANGER, businessKey)).isEmpty();

    // a reader added the way 抄送 adds one
    Set<String> copied = Set.of(STRANGER.id() + "@" + instance);
    CaseAccess withReaders =
        new CaseAccess(jdbc, List.of((user, id) -> copied.contains(user.id() + "@" + id)));

    CaseRef asReader = withReaders.find(STRANGER, businessKey).orElseThrow();
    assertThat(asReader.role()).isEqualTo(CaseRole.READER);
    assertThat(asReader.mayAct()).isFalse();
  }
}
