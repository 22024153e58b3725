package cn.gov.linfen.fenhe.procedures.p2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.test.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plain logic of P2: start check (X-R04), agreement items (P2-R01), notice period (P2-R02),
 * task checks.
 */
class P2ServicesTest {

  final FilingApplicationCheck application = new FilingApplicationCheck();
  final FarmlandChecks checks = new FarmlandChecks(application, TestClock.ZONE);

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
    assertThat(fields(application.check(v)))
        .containsExactly(
            "operatorName",
            "villageCollective",
            "county",
            "township",
            "areaMu",
            "termYears",
            "usesPermanentBasicFarmland");
    v = start();
    v.put("areaMu", "-0.01");
    assertThat(application.check(v))
        .extracting(FieldError::chinese)
        .containsExactly("用地面积（亩）必须大于 0");
    v.put("areaMu", "abc");
    assertThat(fields(application.check(v))).containsExactly("areaMu");
    v = start();
    v.put("termYears", 51);
    assertThat(fields(application.check(v))).containsExactly("termYears");
  }

  @Test
  void P2_R01_the_agreement_needs_the_eight_items() {
    Map<String, Object> v = start();
    assertThat(fields(application.agreement(v)))
        .containsExactly(
            "facilityLocation", "reclamationRequirements", "landReturn", "breachLiability");
    v.put("facilityLocation", "村东");
    v.put("reclamationRequirements", "复垦");
    v.put("landReturn", "交还");
    v.put("breachLiability", "赔偿");
    assertThat(application.agreement(v)).isEmpty();
  }

  @Test
  void P2_R02_the_notice_runs_10_full_days_from_its_start_date() {
    OpeningNotice.Notice notice =
        new OpeningNotice(TestClock.ZONE).open(LocalDate.of(2026, 9, 14), 10, 0);
    assertThat(notice.round()).isEqualTo(1);
    assertThat(notice.lastDay()).isEqualTo(LocalDate.of(2026, 9, 23));
    assertThat(notice.endsAt()).isEqualTo(Instant.parse("2026-09-23T16:00:00Z"));
    assertThat(OpeningNotice.running(notice.endsAt(), Instant.parse("2026-09-23T15:59:59Z")))
        .isTrue();
    assertThat(OpeningNotice.running(notice.endsAt(), notice.endsAt())).isFalse();
    // across the end of a month and the National Day
    assertThat(new OpeningNotice(TestClock.ZONE).open(LocalDate.of(2026, 9, 25), 10, 1).endsAt())
        .isEqualTo(Instant.parse("2026-10-04T16:00:00Z"));
  }

  @Test
  void P2_R02_a_longer_notice_runs_its_days_and_a_shorter_one_than_10_days_is_refused() {
    OpeningNotice.Notice notice =
        new OpeningNotice(TestClock.ZONE).open(LocalDate.of(2026, 9, 14), 15, 0);
    assertThat(notice.lastDay()).isEqualTo(LocalDate.of(2026, 9, 28));
    assertThat(notice.endsAt()).isEqualTo(Instant.parse("2026-09-28T16:00:00Z"));
    assertThatThrownBy(
            () -> new OpeningNotice(TestClock.ZONE).open(LocalDate.of(2026, 9, 14), 9, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("不得少于 10 日");
  }

  @Test
  void P2_R03_objections_only_while_the_notice_runs() {
    Date endsAt = Date.from(Instant.parse("2026-09-23T16:00:00Z"));
    Map<String, Object> v =
        new HashMap<>(Map.of("noticeEndsAt", endsAt, "objector", "王某", "objectionContent", "占路"));
    assertThat(checks.objection(v, Instant.parse("2026-09-23T15:59:00Z"))).isEmpty();
    List<FieldError> late = checks.objection(v, Instant.parse("2026-09-23T16:00:00Z"));
    assertThat(late)
        .extracting(FieldError::chinese)
        .containsExactly("公告期已于 2026-09-24 00:00 结束，异议不再受理");
    assertThat(checks.lateObjection(null, Instant.now()).field()).isEqualTo("noticeEndsAt");
  }

  @Test
  void P2_R02_posting_needs_both_places_and_a_start_date_not_in_the_future() {
    Instant now = Instant.parse("2026-09-14T01:30:00Z"); // 09:30 in Shanghai
    assertThat(
            checks.posting(
                Map.of(
                    "noticeStartDate",
                    "2026-09-14",
                    "postedAtTownship",
                    true,
                    "postedOnVillageBoard",
                    true),
                now))
        .isEmpty();
    assertThat(
            fields(
                checks.posting(
                    Map.of("noticeStartDate", "2026-09-15", "postedAtTownship", true), now)))
        .containsExactly("noticeStartDate", "postedOnVillageBoard");
  }

  @Test
  void reviews_need_an_opinion_when_not_approved_and_the_county_consent_its_plan() {
    assertThat(fields(checks.review(Map.of("approved", false)))).containsExactly("opinion");
    assertThat(fields(checks.review(Map.of()))).containsExactly("approved");
    assertThat(fields(checks.countyReview(Map.of("approved", true))))
        .containsExactly("compensationPlan", "consentDocumentNumber");
    assertThat(checks.countyReview(Map.of("approved", false, "opinion", "不必要"))).isEmpty();
  }

  @Test
  void P2_R09_R10_an_inspection_record_is_signed_and_a_violation_described() {
    Instant now = Instant.parse("2027-01-01T02:00:00Z");
    Map<String, Object> v =
        new HashMap<>(
            Map.of(
                "inspectionDate",
                "2027-01-01",
                "inspectors",
                "张三、李四",
                "inspectionFindings",
                "无异常",
                "inspectionSigned",
                true,
                "violationFound",
                false));
    assertThat(checks.inspection(v, now)).isEmpty();
    v.put("violationFound", true);
    v.put("inspectionSigned", false);
    assertThat(fields(checks.inspection(v, now)))
        .containsExactly("inspectionSigned", "violationDescription");
    assertThat(fields(checks.illegalLandUse(Map.of()))).containsExactly("investigationResult");
  }

  @Test
  void signing_filing_forwarding_and_registration_checks() {
    assertThat(fields(checks.signing(Map.of())))
        .containsExactly("agreementSigned", "agreementNumber");
    // the site sign (P2-R17) and both departments (P2-R14) are checked too since issue 17
    assertThat(
            fields(
                checks.filing(
                    Map.of(
                        "siteSignPosted",
                        false,
                        "reportingTelephone",
                        "12345",
                        "reportingUnit",
                        "尧都区自然资源局"))))
        .containsExactly("siteSignPosted");
    assertThat(
            fields(
                checks.forwarding(
                    Map.of(
                        "forwardedOn",
                        "2026-10-17",
                        "forwardedToNaturalResources",
                        true,
                        "forwardedToAgriculture",
                        true),
                    Instant.parse("2026-10-16T03:00:00Z"))))
        .containsExactly("forwardedOn");
    assertThat(fields(checks.registration(Map.of()))).containsExactly("mapRegistrationNumber");
    assertThat(fields(checks.objectionHandling(Map.of("objectionDecision", "MAYBE"))))
        .containsExactly("objectionDecision", "objectionHandlingOpinion");
  }

  static final Instant NOW =
      java.time.OffsetDateTime.parse("2026-10-09T10:00:00+08:00").toInstant();

  @Test
  void P2_R16_either_party_may_apply_and_the_collective_confirms_or_gives_its_reason() {
    Map<String, Object> v = start();
    v.put("applicantParty", "COLLECTIVE");
    assertThat(application.check(v)).isEmpty();
    v.put("applicantParty", "OPERATOR");
    assertThat(application.check(v)).isEmpty();
    v.put("applicantParty", "村委会");
    assertThat(fields(application.check(v))).containsExactly("applicantParty");

    assertThat(
            checks.collectiveConfirmation(
                Map.of("collectiveConfirmed", true, "collectiveSignatory", "理事长张某")))
        .isEmpty();
    assertThat(fields(checks.collectiveConfirmation(Map.of("collectiveConfirmed", true))))
        .containsExactly("collectiveSignatory");
    assertThat(fields(checks.collectiveConfirmation(Map.of("collectiveConfirmed", false))))
        .containsExactly("collectiveOpinion");
    assertThat(
            checks.collectiveConfirmation(
                Map.of("collectiveConfirmed", false, "collectiveOpinion", "面积不符")))
        .isEmpty();
    assertThat(fields(checks.collectiveConfirmation(Map.of())))
        .containsExactly("collectiveConfirmed");
  }

  @Test
  void P2_R13_the_township_s_report_needs_a_date_not_in_the_future_and_its_content() {
    assertThat(
            checks.basicFarmlandReport(
                Map.of("basicFarmlandReportedOn", "2026-10-09", "basicFarmlandReport", "涉及 12.5 亩"),
                NOW))
        .isEmpty();
    assertThat(
            fields(
                checks.basicFarmlandReport(
                    Map.of("basicFarmlandReportedOn", "2026-10-10", "basicFarmlandReport", " "),
                    NOW)))
        .containsExactly("basicFarmlandReportedOn", "basicFarmlandReport");
  }

  @Test
  void P2_R14_forwarding_goes_to_both_departments_and_agriculture_enters_it_in_its_ledger() {
    Map<String, Object> both =
        Map.of(
            "forwardedOn",
            "2026-10-09",
            "forwardedToNaturalResources",
            true,
            "forwardedToAgriculture",
            true);
    assertThat(checks.forwarding(both, NOW)).isEmpty();
    assertThat(
            fields(
                checks.forwarding(
                    Map.of("forwardedOn", "2026-10-09", "forwardedToNaturalResources", true), NOW)))
        .containsExactly("forwardedToAgriculture");
    assertThat(
            checks.agricultureReceipt(
                Map.of("agricultureReceivedOn", "2026-10-09", "agricultureLedgerEntered", true),
                NOW))
        .isEmpty();
    assertThat(
            fields(checks.agricultureReceipt(Map.of("agricultureReceivedOn", "2026-10-09"), NOW)))
        .containsExactly("agricultureLedgerEntered");
  }

  @Test
  void P2_R15_the_unfiled_land_use_investigation_records_the_site_check_construction_and_result() {
    assertThat(
            checks.unfiledLandUse(
                Map.of(
                    "onSiteCheckedOn",
                    "2026-10-09",
                    "constructionStarted",
                    false,
                    "investigationResult",
                    "未动工，责令限期备案"),
                NOW))
        .isEmpty();
    assertThat(
            fields(
                checks.unfiledLandUse(
                    Map.of("onSiteCheckedOn", "2026-10-09", "constructionStarted", "是"), NOW)))
        .containsExactly("constructionStarted", "investigationResult");
  }

  @Test
  void P2_R17_the_filing_records_the_site_sign_and_a_reporting_telephone() {
    Map<String, Object> v =
        new HashMap<>(
            Map.of(
                "siteSignPosted",
                true,
                "reportingTelephone",
                "0357-12336",
                "reportingUnit",
                "尧都区自然资源局"));
    assertThat(checks.filing(v)).isEmpty();
    for (String phone : List.of("12345", "13800000000", "035712336")) {
      v.put("reportingTelephone", phone);
      assertThat(checks.filing(v)).as(phone).isEmpty();
    }
    for (String phone : List.of("举报电话", "12", "0357-12-336", "")) {
      v.put("reportingTelephone", phone);
      assertThat(fields(checks.filing(v))).as(phone).containsExactly("reportingTelephone");
    }
    v.put("reportingTelephone", "12345");
    v.put("siteSignPosted", false);
    v.remove("reportingUnit");
    assertThat(fields(checks.filing(v))).containsExactly("siteSignPosted", "reportingUnit");
  }

  @Test
  void P2_R12_R17_the_agriculture_confirmation_and_the_yearly_publication_are_checked() {
    assertThat(
            checks.inspectionConfirmation(
                Map.of("agricultureInspectors", "赵六", "inspectionConfirmed", true)))
        .isEmpty();
    assertThat(fields(checks.inspectionConfirmation(Map.of("inspectionConfirmed", false))))
        .containsExactly("agricultureInspectors", "confirmationOpinion");
    Instant january = java.time.OffsetDateTime.parse("2027-01-05T10:00:00+08:00").toInstant();
    Map<String, Object> published =
        new HashMap<>(
            Map.of(
                "publishedOn",
                "2027-01-05",
                "publicationChannel",
                "县政府网站",
                "filingsPublished",
                true,
                "ledgerPublished",
                true));
    assertThat(checks.yearlyDisclosure(published, january)).isEmpty();
    published.put("ledgerPublished", false);
    published.put("publishedOn", "2027-01-06");
    assertThat(fields(checks.yearlyDisclosure(published, january)))
        .containsExactly("publishedOn", "ledgerPublished");
  }
}
