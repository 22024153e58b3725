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
 * Server-side checks of what each kind of P2 user task is completed with (the forms check the
 * same; a request that bypasses them is refused with 400 naming the field). Plain logic; the
 * current time comes from the caller (the engine's clock).
 */
public class FarmlandChecks {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI);

  /** A telephone number as printed on a sign: 0357-1234567, 12345, 13800000000. */
  static final String TELEPHONE = "[0-9]{3,4}-?[0-9]{5,8}|[0-9]{5,11}";

  private final FilingApplicationCheck application;

  public FarmlandChecks(FilingApplicationCheck application) {
    this.application = application;
  }

  /** 协商用地协议: the eight items (P2-R01). */
  public List<FieldError> agreement(Map<String, Object> variables) {
    return application.agreement(variables);
  }

  /** 张贴公告: posted at the township and on the village board, from a start date not in the future (P2-R02). */
  public List<FieldError> posting(Map<String, Object> variables, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate start = OpeningNotice.date(variables.get(NOTICE_START_DATE));
    if (start == null) {
      errors.add(new FieldError(NOTICE_START_DATE, "必须填写公告开始日期（年-月-日）", "noticeStartDate is required (yyyy-MM-dd)"));
    } else if (start.isAfter(LocalDate.ofInstant(now, SHANGHAI))) {
      errors.add(new FieldError(NOTICE_START_DATE, "公告开始日期不能晚于今天，请张贴后再登记",
          "noticeStartDate must not be in the future: record the notice once it is posted"));
    }
    if (!Boolean.TRUE.equals(variables.get(POSTED_AT_TOWNSHIP))) {
      errors.add(new FieldError(POSTED_AT_TOWNSHIP, "须在乡镇政府张贴公告", "the notice must be posted at the township government"));
    }
    if (!Boolean.TRUE.equals(variables.get(POSTED_ON_VILLAGE_BOARD))) {
      errors.add(new FieldError(POSTED_ON_VILLAGE_BOARD, "须在村务公开栏张贴公告", "the notice must be posted on the village affairs board"));
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

  /** Null while the notice runs; otherwise the refusal of a late objection, in Chinese and English. */
  public static FieldError lateObjection(Object noticeEndsAt, Instant now) {
    if (!(noticeEndsAt instanceof Date endsAt)) {
      return new FieldError(NOTICE_ENDS_AT, "本案件没有正在进行的公告，异议不予受理",
          "no public notice is running for this case: the objection is refused");
    }
    if (!OpeningNotice.running(endsAt.toInstant(), now)) {
      return new FieldError(NOTICE_ENDS_AT, "公告期已于 " + MINUTES.format(endsAt.toInstant()) + " 结束，异议不再受理",
          "the public notice ended at " + MINUTES.format(endsAt.toInstant()) + " (Asia/Shanghai): objections are no longer accepted");
    }
    return null;
  }

  /** 处理异议: renegotiate (a new notice follows) or abandon, with the reasons. */
  public List<FieldError> objectionHandling(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    Object decision = variables.get(OBJECTION_DECISION);
    if (!FarmlandProcess.Decided.RENEGOTIATE.equals(decision) && !FarmlandProcess.Decided.ABANDON.equals(decision)) {
      errors.add(new FieldError(OBJECTION_DECISION, "请选择重新协商或放弃用地", "objectionDecision must be RENEGOTIATE or ABANDON"));
    }
    FilingApplicationCheck.text(variables, OBJECTION_HANDLING_OPINION, "异议处理意见", "the handling opinion", errors);
    return errors;
  }

  /** 农村集体经济组织确认用地协议 (P2-R16): confirmed with the signatory, or not with the reason (back to negotiation). */
  public List<FieldError> collectiveConfirmation(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    Boolean confirmed = confirmation(variables, COLLECTIVE_CONFIRMED, "请选择是否确认已签订用地协议", COLLECTIVE_OPINION,
        "不确认的理由", errors);
    if (Boolean.TRUE.equals(confirmed)) {
      FilingApplicationCheck.text(variables, COLLECTIVE_SIGNATORY, "农村集体经济组织签字人", "the collective's signatory", errors);
    }
    return errors;
  }

  /**
   * A yes/no confirmation: the answer must be given, and a "no" needs its reason. The answer, or null
   * when there is none.
   */
  private static Boolean confirmation(Map<String, Object> variables, String field, String chooseChinese, String reasonField,
      String reasonChinese, List<FieldError> errors) {
    if (!(variables.get(field) instanceof Boolean confirmed)) {
      errors.add(new FieldError(field, chooseChinese, field + " must be true or false"));
      return null;
    }
    if (!confirmed) {
      FilingApplicationCheck.text(variables, reasonField, reasonChinese, "the reason for not confirming", errors);
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
      errors.add(new FieldError(AGRICULTURE_LEDGER_ENTERED, "须将备案信息纳入设施农业台账", "the filing must be entered in the ledger"));
    }
    return errors;
  }

  /** 未备案用地按违法占地查处 (P2-R15): the on-site check, whether building started, the result. */
  public List<FieldError> unfiledLandUse(Map<String, Object> variables, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    pastDate(variables, ON_SITE_CHECKED_ON, "现场核查日期", now, errors);
    if (!(variables.get(CONSTRUCTION_STARTED) instanceof Boolean)) {
      errors.add(new FieldError(CONSTRUCTION_STARTED, "须说明是否已动工", "constructionStarted must be true or false"));
    }
    FilingApplicationCheck.text(variables, INVESTIGATION_RESULT, "查处结果", "the investigation result", errors);
    return errors;
  }

  private static void pastDate(Map<String, Object> variables, String field, String chinese, Instant now, List<FieldError> errors) {
    LocalDate on = OpeningNotice.date(variables.get(field));
    if (on == null) {
      errors.add(new FieldError(field, "必须填写" + chinese, field + " is required (yyyy-MM-dd)"));
    } else if (on.isAfter(LocalDate.ofInstant(now, SHANGHAI))) {
      errors.add(new FieldError(field, chinese + "不能晚于今天", field + " must not be in the future"));
    }
  }

  /** 签订协议. */
  public List<FieldError> signing(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    if (!Boolean.TRUE.equals(variables.get(AGREEMENT_SIGNED))) {
      errors.add(new FieldError(AGREEMENT_SIGNED, "须确认本方已签订用地协议", "confirm that the agreement is signed"));
    }
    FilingApplicationCheck.text(variables, AGREEMENT_NUMBER, "协议编号", "the agreement number", errors);
    return errors;
  }

  /** Reviews (县级论证, 乡镇审核): approved, and an opinion when not. */
  public List<FieldError> review(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    Object approved = variables.get("approved");
    if (!(approved instanceof Boolean)) {
      errors.add(new FieldError("approved", "请选择审核结论", "approved must be true or false"));
    } else if (!(Boolean) approved && (!(variables.get("opinion") instanceof String o) || o.isBlank())) {
      errors.add(new FieldError("opinion", "不通过时必须填写意见", "an opinion is required when not approved"));
    }
    return errors;
  }

  /** 县级论证 (P2-R05): passed → the compensation plan and the consent document. */
  public List<FieldError> countyReview(Map<String, Object> variables) {
    List<FieldError> errors = review(variables);
    if (Boolean.TRUE.equals(variables.get("approved"))) {
      FilingApplicationCheck.text(variables, COMPENSATION_PLAN, "补划方案", "the compensation plan", errors);
      FilingApplicationCheck.text(variables, CONSENT_DOCUMENT_NUMBER, "同意意见文号", "the consent document number", errors);
    }
    return errors;
  }

  /** 备案: the construction plan and the agreement are handed in. */
  public List<FieldError> filing(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    if (!Boolean.TRUE.equals(variables.get(PLAN_SUBMITTED))) {
      errors.add(new FieldError(PLAN_SUBMITTED, "须提交设施建设方案", "the construction plan must be submitted"));
    }
    if (!Boolean.TRUE.equals(variables.get(AGREEMENT_SUBMITTED))) {
      errors.add(new FieldError(AGREEMENT_SUBMITTED, "须提交用地协议", "the land-use agreement must be submitted"));
    }
    if (!Boolean.TRUE.equals(variables.get(SITE_SIGN_POSTED))) {
      errors.add(new FieldError(SITE_SIGN_POSTED, "须在项目出入口显著位置设置标识牌", "the sign must be set up at the site's entrance"));
    }
    Object telephone = variables.get(REPORTING_TELEPHONE);
    if (!(telephone instanceof String t) || !t.trim().matches(TELEPHONE)) {
      errors.add(new FieldError(REPORTING_TELEPHONE, "须填写标识牌公布的举报电话（数字，可含区号和“-”）",
          "reportingTelephone must be the telephone number on the sign (digits, area code and '-' allowed)"));
    }
    FilingApplicationCheck.text(variables, REPORTING_UNIT, "受理举报单位", "the unit that receives reports", errors);
    return errors;
  }

  /** 报送县级部门. */
  public List<FieldError> forwarding(Map<String, Object> variables, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate on = OpeningNotice.date(variables.get(FORWARDED_ON));
    if (on == null) {
      errors.add(new FieldError(FORWARDED_ON, "必须填写报送日期", "forwardedOn is required (yyyy-MM-dd)"));
    } else if (on.isAfter(LocalDate.ofInstant(now, SHANGHAI))) {
      errors.add(new FieldError(FORWARDED_ON, "报送日期不能晚于今天", "forwardedOn must not be in the future"));
    }
    if (!Boolean.TRUE.equals(variables.get(FORWARDED_TO_NATURAL_RESOURCES))) {
      errors.add(new FieldError(FORWARDED_TO_NATURAL_RESOURCES, "须将备案信息汇交县自然资源部门",
          "the filing must be forwarded to the county natural resources department"));
    }
    if (!Boolean.TRUE.equals(variables.get(FORWARDED_TO_AGRICULTURE))) {
      errors.add(new FieldError(FORWARDED_TO_AGRICULTURE, "须将备案信息汇交县农业农村部门",
          "the filing must be forwarded to the county agriculture and rural affairs department"));
    }
    return errors;
  }

  /** 上图入库. */
  public List<FieldError> registration(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    FilingApplicationCheck.text(variables, MAP_REGISTRATION_NUMBER, "上图入库编号", "the map registration number", errors);
    return errors;
  }

  /** 巡查记录 (P2-R09, P2-R10): date, findings, the inspectors' signatures; a violation is described. */
  public List<FieldError> inspection(Map<String, Object> variables, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate on = OpeningNotice.date(variables.get(INSPECTION_DATE));
    if (on == null) {
      errors.add(new FieldError(INSPECTION_DATE, "必须填写巡查日期", "inspectionDate is required (yyyy-MM-dd)"));
    } else if (on.isAfter(LocalDate.ofInstant(now, SHANGHAI))) {
      errors.add(new FieldError(INSPECTION_DATE, "巡查日期不能晚于今天", "inspectionDate must not be in the future"));
    }
    FilingApplicationCheck.text(variables, INSPECTORS, "巡查人员（签字）", "the inspectors' names (signatures)", errors);
    FilingApplicationCheck.text(variables, INSPECTION_FINDINGS, "巡查情况", "the findings", errors);
    if (!Boolean.TRUE.equals(variables.get(INSPECTION_SIGNED))) {
      errors.add(new FieldError(INSPECTION_SIGNED, "巡查人员须签字确认巡查记录", "the inspectors must sign the record"));
    }
    Object violation = variables.get(VIOLATION_FOUND);
    if (!(violation instanceof Boolean)) {
      errors.add(new FieldError(VIOLATION_FOUND, "须说明是否发现违法违规用地", "violationFound must be true or false"));
    } else if ((Boolean) violation) {
      FilingApplicationCheck.text(variables, VIOLATION_DESCRIPTION, "违法违规情况", "the violation", errors);
    }
    return errors;
  }

  /** 农业农村部门确认联合巡查记录 (P2-R12): its inspectors sign; not confirming needs the reason. */
  public List<FieldError> inspectionConfirmation(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    FilingApplicationCheck.text(variables, AGRICULTURE_INSPECTORS, "农业农村部门巡查人员（签字）", "the agriculture department's inspectors", errors);
    confirmation(variables, INSPECTION_CONFIRMED, "请选择是否确认巡查记录", CONFIRMATION_OPINION, "不同意的意见", errors);
    return errors;
  }

  /** 年度公开 (P2-R17): filings and ledger published, when and how. */
  public List<FieldError> yearlyDisclosure(Map<String, Object> variables, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    pastDate(variables, PUBLISHED_ON, "公开日期", now, errors);
    FilingApplicationCheck.text(variables, PUBLICATION_CHANNEL, "公开方式或网址", "where it was published", errors);
    if (!Boolean.TRUE.equals(variables.get(FILINGS_PUBLISHED))) {
      errors.add(new FieldError(FILINGS_PUBLISHED, "须公开设施农用地备案信息", "the filings must be published"));
    }
    if (!Boolean.TRUE.equals(variables.get(LEDGER_PUBLISHED))) {
      errors.add(new FieldError(LEDGER_PUBLISHED, "须公开设施农业台账信息", "the ledger must be published"));
    }
    return errors;
  }

  /** 违法用地查处. */
  public List<FieldError> illegalLandUse(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    FilingApplicationCheck.text(variables, INVESTIGATION_RESULT, "查处结果", "the investigation result", errors);
    return errors;
  }
}
