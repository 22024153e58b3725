package cn.gov.linfen.fenhe.workers.p2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.workers.common.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain logic of P2: start check (X-R04), agreement items (P2-R01), notice period (P2-R02), task checks. */
class P2ServicesTest {

  final FilingApplicationCheck application = new FilingApplicationCheck();
  final FarmlandChecks checks = new FarmlandChecks(application);

  static Map<String, Object> start() {
    Map<String, Object> v = new HashMap<>();
    v.put("operatorName", "丰禾合作社");
    v.put("villageCollective", "东屯里村股份经济合作社");
    v.put("county", "尧都区");
    v.put("township", "屯里镇");
    v.put("village", "东屯里村");
    v.put("facilityType", "作物种植设施");
    v.put("areaMu", "12.5");
    v.put("landUse", "蔬菜大棚");
    v.put("termYears", 10);
    v.put("usesPermanentBasicFarmland", false);
    return v;
  }

  static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void X_R04_a_complete_start_passes() {
    assertThat(application.check(start())).isEmpty();
  }

  @Test
  void X_R04_start_refuses_missing_names_non_positive_area_unknown_county_and_bad_term() {
    Map<String, Object> v = start();
    v.remove("operatorName");
    v.put("villageCollective", " ");
    v.put("county", "太原市");
    v.put("township", "");
    v.put("areaMu", 0);
    v.put("termYears", 2.5);
    v.put("usesPermanentBasicFarmland", "yes");
    assertThat(fields(application.check(v))).containsExactly("operatorName", "villageCollective", "county", "township",
        "areaMu", "termYears", "usesPermanentBasicFarmland");
    v = start();
    v.put("areaMu", "-0.01");
    assertThat(application.check(v)).extracting(FieldError::chinese).containsExactly("用地面积（亩）必须大于 0");
    v.put("areaMu", "abc");
    assertThat(fields(application.check(v))).containsExactly("areaMu");
    v = start();
    v.put("termYears", 51);
    assertThat(fields(application.check(v))).containsExactly("termYears");
  }

  @Test
  void P2_R01_the_agreement_needs_the_eight_items() {
    Map<String, Object> v = start();
    assertThat(fields(application.agreement(v))).containsExactly("facilityLocation", "reclamationRequirements", "landReturn",
        "breachLiability");
    v.put("facilityLocation", "村东");
    v.put("reclamationRequirements", "复垦");
    v.put("landReturn", "交还");
    v.put("breachLiability", "赔偿");
    assertThat(application.agreement(v)).isEmpty();
  }

  @Test
  void P2_R02_the_notice_runs_10_full_days_from_its_start_date() {
    OpeningNotice.Notice notice = new OpeningNotice().open(LocalDate.of(2026, 9, 14), 10, 0);
    assertThat(notice.round()).isEqualTo(1);
    assertThat(notice.lastDay()).isEqualTo(LocalDate.of(2026, 9, 23));
    assertThat(notice.endsAt()).isEqualTo(Instant.parse("2026-09-23T16:00:00Z"));
    assertThat(OpeningNotice.running(notice.endsAt(), Instant.parse("2026-09-23T15:59:59Z"))).isTrue();
    assertThat(OpeningNotice.running(notice.endsAt(), notice.endsAt())).isFalse();
    // across the end of a month and the National Day
    assertThat(new OpeningNotice().open(LocalDate.of(2026, 9, 25), 10, 1).endsAt()).isEqualTo(Instant.parse("2026-10-04T16:00:00Z"));
  }

  @Test
  void P2_R02_a_longer_notice_runs_its_days_and_a_shorter_one_than_10_days_is_refused() {
    OpeningNotice.Notice notice = new OpeningNotice().open(LocalDate.of(2026, 9, 14), 15, 0);
    assertThat(notice.lastDay()).isEqualTo(LocalDate.of(2026, 9, 28));
    assertThat(notice.endsAt()).isEqualTo(Instant.parse("2026-09-28T16:00:00Z"));
    assertThatThrownBy(() -> new OpeningNotice().open(LocalDate.of(2026, 9, 14), 9, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不得少于 10 日");
  }

  @Test
  void P2_R03_objections_only_while_the_notice_runs() {
    Date endsAt = Date.from(Instant.parse("2026-09-23T16:00:00Z"));
    Map<String, Object> v = new HashMap<>(Map.of("noticeEndsAt", endsAt, "objector", "王某", "objectionContent", "占路"));
    assertThat(checks.objection(v, Instant.parse("2026-09-23T15:59:00Z"))).isEmpty();
    List<FieldError> late = checks.objection(v, Instant.parse("2026-09-23T16:00:00Z"));
    assertThat(late).extracting(FieldError::chinese).containsExactly("公告期已于 2026-09-24 00:00 结束，异议不再受理");
    assertThat(FarmlandChecks.lateObjection(null, Instant.now()).field()).isEqualTo("noticeEndsAt");
  }

  @Test
  void P2_R02_posting_needs_both_places_and_a_start_date_not_in_the_future() {
    Instant now = Instant.parse("2026-09-14T01:30:00Z"); // 09:30 in Shanghai
    assertThat(checks.posting(Map.of("noticeStartDate", "2026-09-14", "postedAtTownship", true, "postedOnVillageBoard", true), now))
        .isEmpty();
    assertThat(fields(checks.posting(Map.of("noticeStartDate", "2026-09-15", "postedAtTownship", true), now)))
        .containsExactly("noticeStartDate", "postedOnVillageBoard");
  }

  @Test
  void reviews_need_an_opinion_when_not_approved_and_the_county_consent_its_plan() {
    assertThat(fields(checks.review(Map.of("approved", false)))).containsExactly("opinion");
    assertThat(fields(checks.review(Map.of()))).containsExactly("approved");
    assertThat(fields(checks.countyReview(Map.of("approved", true)))).containsExactly("compensationPlan", "consentDocumentNumber");
    assertThat(checks.countyReview(Map.of("approved", false, "opinion", "不必要"))).isEmpty();
  }

  @Test
  void P2_R09_R10_an_inspection_record_is_signed_and_a_violation_described() {
    Instant now = Instant.parse("2027-01-01T02:00:00Z");
    Map<String, Object> v = new HashMap<>(Map.of("inspectionDate", "2027-01-01", "inspectors", "张三、李四",
        "inspectionFindings", "无异常", "inspectionSigned", true, "violationFound", false));
    assertThat(checks.inspection(v, now)).isEmpty();
    v.put("violationFound", true);
    v.put("inspectionSigned", false);
    assertThat(fields(checks.inspection(v, now))).containsExactly("inspectionSigned", "violationDescription");
    assertThat(fields(checks.illegalLandUse(Map.of()))).containsExactly("investigationResult");
  }

  @Test
  void signing_filing_forwarding_and_registration_checks() {
    assertThat(fields(checks.signing(Map.of()))).containsExactly("agreementSigned", "agreementNumber");
    assertThat(fields(checks.filing(Map.of("constructionPlanSubmitted", true)))).containsExactly("agreementSubmitted");
    assertThat(fields(checks.forwarding(Map.of("forwardedOn", "2026-10-17"), Instant.parse("2026-10-16T03:00:00Z"))))
        .containsExactly("forwardedOn");
    assertThat(fields(checks.registration(Map.of()))).containsExactly("mapRegistrationNumber");
    assertThat(fields(checks.objectionHandling(Map.of("objectionDecision", "MAYBE")))).containsExactly("objectionDecision",
        "objectionHandlingOpinion");
  }
}
