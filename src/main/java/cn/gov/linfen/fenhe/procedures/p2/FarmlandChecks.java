package cn.gov.linfen.fenhe.procedures.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Variables.*;

import cn.gov.linfen.fenhe.common.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Server-side checks of what each kind of P2 user task is completed with (the forms check the same;
 * a request that bypasses them is refused with 400 naming the field). Plain logic; the current time
 * comes from the caller (the engine's clock).
 */
public class FarmlandChecks {

  /** A telephone number as printed on a sign: 0357-1234567, 12345, 13800000000. */
  static final String TELEPHONE = "[0-9]{3,4}-?[0-9]{5,8}|[0-9]{5,11}";

  private final FilingApplicationCheck application;
  private final ZoneId zone;
  private final OpeningNotice notices;
  private final DateTimeFormatter minutes;

  /** Dates are days in {@code zone} (Fenhe's time zone). */
  public FarmlandChecks(FilingApplicationCheck application, ZoneId zone) {
    this.application = application;
    this.zone = zone;
    this.notices = new OpeningNotice(zone);
    this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
  }

  /** 协商用地协议: the eight items (P2-R01). */
  public List<FieldError> agreement(Map<String, Object> variables) {
    return application.agreement(variables);
  }

  /**
   * 张贴公告: posted at the township and on the village board, from a start date not in the future
   * (P2-R02).
   */
  public List<FieldError> posting(Map<String, Object> variables, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate start = notices.date(variables.get(NOTICE_START_DATE));
    if (start == null) {
      errors.add(P2Refusal.NOTICE_START_DATE_REQUIRED_YYYY.at(NOTICE_START_DATE));
    } else if (start.isAfter(LocalDate.ofInstant(now, zone))) {
      errors.add(P2Refusal.NOTICE_START_DATE_FUTURE_RECORD.at(NOTICE_START_DATE));
    }
    if (!Boolean.TRUE.equals(variables.get(POSTED_AT_TOWNSHIP))) {
      errors.add(P2Refusal.NOTICE_POSTED_TOWNSHIP_GOVERNMENT.at(POSTED_AT_TOWNSHIP));
    }
    if (!Boolean.TRUE.equals(variables.get(POSTED_ON_VILLAGE_BOARD))) {
      errors.add(P2Refusal.NOTICE_POSTED_VILLAGE_AFFAIRS_BOARD.at(POSTED_ON_VILLAGE_BOARD));
    }
    return errors;
  }

  /** An objection: who and what, and only while the notice runs (after its end it is refused). */
  public List<FieldError> objection(Map<String, Object> variables, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    FieldError late = lateObjection(variables.get(NOTICE_ENDS_AT), now);
    if (late != null) {
      errors.add(late);
    }
    FilingApplicationCheck.text(variables, OBJECTOR, "异议人", "the objector", errors);
    FilingApplicationCheck.text(variables, OBJECTION_CONTENT, "异议内容", "the objection", errors);
    return errors;
  }

  /**
   * Null while the notice runs; otherwise the refusal of a late objection, in Chinese and English.
   */
  public FieldError lateObjection(Object noticeEndsAt, Instant now) {
    if (!(noticeEndsAt instanceof Date endsAt)) {
      return P2Refusal.PUBLIC_NOTICE_RUNNING_CASE_OBJECTION.at(NOTICE_ENDS_AT);
    }
    if (!OpeningNotice.running(endsAt.toInstant(), now)) {
      return P2Refusal.PUBLIC_NOTICE_ENDED.at(
          NOTICE_ENDS_AT, minutes.format(endsAt.toInstant()), zone.getId());
    }
    return null;
  }

  /** 处理异议: renegotiate (a new notice follows) or abandon, with the reasons. */
  public List<FieldError> objectionHandling(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    Object decision = variables.get(OBJECTION_DECISION);
    if (!FarmlandProcess.Decided.RENEGOTIATE.equals(decision)
        && !FarmlandProcess.Decided.ABANDON.equals(decision)) {
      errors.add(P2Refusal.OBJECTION_DECISION_RENEGOTIATE_ABANDON.at(OBJECTION_DECISION));
    }
    FilingApplicationCheck.text(
        variables, OBJECTION_HANDLING_OPINION, "异议处理意见", "the handling opinion", errors);
    return errors;
  }

  /**
   * 农村集体经济组织确认用地协议 (P2-R16): confirmed with the signatory, or not with the reason (back to
   * negotiation).
   */
  public List<FieldError> collectiveConfirmation(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    Boolean confirmed =
        confirmation(
            variables,
            COLLECTIVE_CONFIRMED,
            P2Refusal.COLLECTIVE_CONFIRMATION_MISSING,
            COLLECTIVE_OPINION,
            "不确认的理由",
            errors);
    if (Boolean.TRUE.equals(confirmed)) {
      FilingApplicationCheck.text(
          variables, COLLECTIVE_SIGNATORY, "农村集体经济组织签字人", "the collective's signatory", errors);
    }
    return errors;
  }

  /**
   * A yes/no confirmation: the answer must be given, and a "no" needs its reason. The answer, or
   * null when there is none.
   */
  private static Boolean confirmation(
      Map<String, Object> variables,
      String field,
      P2Refusal choose,
      String reasonField,
      String reasonChinese,
      List<FieldError> errors) {
    if (!(variables.get(field) instanceof Boolean confirmed)) {
      errors.add(choose.at(field, field));
      return null;
    }
    if (!confirmed) {
      FilingApplicationCheck.text(
          variables, reasonField, reasonChinese, "the reason for not confirming", errors);
    }
    return confirmed;
  }

  /** 乡镇政府报告占用永久基本农田 (P2-R13): when, and what was reported. */
  public List<FieldError> basicFarmlandReport(Map<String, Object> variables, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    pastDate(variables, BASIC_FARMLAND_REPORTED_ON, "报告日期", now, errors);
    FilingApplicationCheck.text(variables, BASIC_FARMLAND_REPORT, "报告内容", "the report", errors);
    return errors;
  }

  /** 县农业农村部门接收备案信息 (P2-R14). */
  public List<FieldError> agricultureReceipt(Map<String, Object> variables, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    pastDate(variables, AGRICULTURE_RECEIVED_ON, "接收日期", now, errors);
    if (!Boolean.TRUE.equals(variables.get(AGRICULTURE_LEDGER_ENTERED))) {
      errors.add(P2Refusal.FILING_ENTERED_LEDGER.at(AGRICULTURE_LEDGER_ENTERED));
    }
    return errors;
  }

  /** 未备案用地按违法占地查处 (P2-R15): the on-site check, whether building started, the result. */
  public List<FieldError> unfiledLandUse(Map<String, Object> variables, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    pastDate(variables, ON_SITE_CHECKED_ON, "现场核查日期", now, errors);
    if (!(variables.get(CONSTRUCTION_STARTED) instanceof Boolean)) {
      errors.add(P2Refusal.CONSTRUCTION_STARTED_TRUE_FALSE.at(CONSTRUCTION_STARTED));
    }
    FilingApplicationCheck.text(
        variables, INVESTIGATION_RESULT, "查处结果", "the investigation result", errors);
    return errors;
  }

  private void pastDate(
      Map<String, Object> variables,
      String field,
      String chinese,
      Instant now,
      List<FieldError> errors) {
    LocalDate on = notices.date(variables.get(field));
    if (on == null) {
      errors.add(P2Refusal.DATE_REQUIRED.at(field, chinese, field));
    } else if (on.isAfter(LocalDate.ofInstant(now, zone))) {
      errors.add(P2Refusal.DATE_IN_FUTURE.at(field, chinese, field));
    }
  }

  /** 签订协议. */
  public List<FieldError> signing(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    if (!Boolean.TRUE.equals(variables.get(AGREEMENT_SIGNED))) {
      errors.add(P2Refusal.CONFIRM_AGREEMENT_SIGNED.at(AGREEMENT_SIGNED));
    }
    FilingApplicationCheck.text(
        variables, AGREEMENT_NUMBER, "协议编号", "the agreement number", errors);
    return errors;
  }

  /** Reviews (县级论证, 乡镇审核): approved, and an opinion when not. */
  public List<FieldError> review(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    Object approved = variables.get("approved");
    if (!(approved instanceof Boolean)) {
      errors.add(P2Refusal.APPROVED_TRUE_FALSE.at("approved"));
    } else if (!(Boolean) approved
        && (!(variables.get("opinion") instanceof String o) || o.isBlank())) {
      errors.add(P2Refusal.OPINION_REQUIRED_WHEN_APPROVED.at("opinion"));
    }
    return errors;
  }

  /** 县级论证 (P2-R05): passed → the compensation plan and the consent document. */
  public List<FieldError> countyReview(Map<String, Object> variables) {
    List<FieldError> errors = review(variables);
    if (Boolean.TRUE.equals(variables.get("approved"))) {
      FilingApplicationCheck.text(
          variables, COMPENSATION_PLAN, "补划方案", "the compensation plan", errors);
      FilingApplicationCheck.text(
          variables, CONSENT_DOCUMENT_NUMBER, "同意意见文号", "the consent document number", errors);
    }
    return errors;
  }

  /**
   * 备案: the site sign and the reporting telephone. The construction plan and the signed agreement
   * are materials of the case (processes/p2-farmland-facility/p2-materials.yaml), required by the
   * platform at the steps that take them.
   */
  public List<FieldError> filing(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    if (!Boolean.TRUE.equals(variables.get(SITE_SIGN_POSTED))) {
      errors.add(P2Refusal.SIGN_SET_UP_SITE_S.at(SITE_SIGN_POSTED));
    }
    Object telephone = variables.get(REPORTING_TELEPHONE);
    if (!(telephone instanceof String t) || !t.trim().matches(TELEPHONE)) {
      errors.add(P2Refusal.REPORTING_TELEPHONE_TELEPHONE_NUMBER_SIGN.at(REPORTING_TELEPHONE));
    }
    FilingApplicationCheck.text(
        variables, REPORTING_UNIT, "受理举报单位", "the unit that receives reports", errors);
    return errors;
  }

  /** 报送县级部门. */
  public List<FieldError> forwarding(Map<String, Object> variables, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate on = notices.date(variables.get(FORWARDED_ON));
    if (on == null) {
      errors.add(P2Refusal.FORWARDED_REQUIRED_YYYY_MM_DD.at(FORWARDED_ON));
    } else if (on.isAfter(LocalDate.ofInstant(now, zone))) {
      errors.add(P2Refusal.FORWARDED_FUTURE.at(FORWARDED_ON));
    }
    if (!Boolean.TRUE.equals(variables.get(FORWARDED_TO_NATURAL_RESOURCES))) {
      errors.add(
          P2Refusal.FILING_FORWARDED_COUNTY_NATURAL_RESOURCES.at(FORWARDED_TO_NATURAL_RESOURCES));
    }
    if (!Boolean.TRUE.equals(variables.get(FORWARDED_TO_AGRICULTURE))) {
      errors.add(P2Refusal.FILING_FORWARDED_COUNTY_AGRICULTURE_RURAL.at(FORWARDED_TO_AGRICULTURE));
    }
    return errors;
  }

  /** 上图入库. */
  public List<FieldError> registration(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    FilingApplicationCheck.text(
        variables, MAP_REGISTRATION_NUMBER, "上图入库编号", "the map registration number", errors);
    return errors;
  }

  /**
   * 巡查记录 (P2-R09, P2-R10): date, findings, the inspectors' signatures; a violation is described.
   */
  public List<FieldError> inspection(Map<String, Object> variables, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate on = notices.date(variables.get(INSPECTION_DATE));
    if (on == null) {
      errors.add(P2Refusal.INSPECTION_DATE_REQUIRED_YYYY_MM.at(INSPECTION_DATE));
    } else if (on.isAfter(LocalDate.ofInstant(now, zone))) {
      errors.add(P2Refusal.INSPECTION_DATE_FUTURE.at(INSPECTION_DATE));
    }
    FilingApplicationCheck.text(
        variables, INSPECTORS, "巡查人员（签字）", "the inspectors' names (signatures)", errors);
    FilingApplicationCheck.text(variables, INSPECTION_FINDINGS, "巡查情况", "the findings", errors);
    if (!Boolean.TRUE.equals(variables.get(INSPECTION_SIGNED))) {
      errors.add(P2Refusal.INSPECTORS_SIGN_RECORD.at(INSPECTION_SIGNED));
    }
    Object violation = variables.get(VIOLATION_FOUND);
    if (!(violation instanceof Boolean)) {
      errors.add(P2Refusal.VIOLATION_FOUND_TRUE_FALSE.at(VIOLATION_FOUND));
    } else if ((Boolean) violation) {
      FilingApplicationCheck.text(
          variables, VIOLATION_DESCRIPTION, "违法违规情况", "the violation", errors);
    }
    return errors;
  }

  /** 农业农村部门确认联合巡查记录 (P2-R12): its inspectors sign; not confirming needs the reason. */
  public List<FieldError> inspectionConfirmation(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    FilingApplicationCheck.text(
        variables,
        AGRICULTURE_INSPECTORS,
        "农业农村部门巡查人员（签字）",
        "the agriculture department's inspectors",
        errors);
    confirmation(
        variables,
        INSPECTION_CONFIRMED,
        P2Refusal.INSPECTION_CONFIRMATION_MISSING,
        CONFIRMATION_OPINION,
        "不同意的意见",
        errors);
    return errors;
  }

  /** 年度公开 (P2-R17): filings and ledger published, when and how. */
  public List<FieldError> yearlyDisclosure(Map<String, Object> variables, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    pastDate(variables, PUBLISHED_ON, "公开日期", now, errors);
    FilingApplicationCheck.text(
        variables, PUBLICATION_CHANNEL, "公开方式或网址", "where it was published", errors);
    if (!Boolean.TRUE.equals(variables.get(FILINGS_PUBLISHED))) {
      errors.add(P2Refusal.FILINGS_PUBLISHED.at(FILINGS_PUBLISHED));
    }
    if (!Boolean.TRUE.equals(variables.get(LEDGER_PUBLISHED))) {
      errors.add(P2Refusal.LEDGER_PUBLISHED.at(LEDGER_PUBLISHED));
    }
    return errors;
  }

  /** 违法用地查处. */
  public List<FieldError> illegalLandUse(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    FilingApplicationCheck.text(
        variables, INVESTIGATION_RESULT, "查处结果", "the investigation result", errors);
    return errors;
  }
}
