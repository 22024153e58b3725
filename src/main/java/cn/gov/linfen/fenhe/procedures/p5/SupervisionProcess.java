package cn.gov.linfen.fenhe.procedures.p5;

/**
 * The contract of processes/p5-supervision-data/ (互联网+监管, 临政办发明电〔2021〕6号 二(二)、二(五)、三): process
 * keys, decision keys, element ids, variables, topics and forms, shared by models, workers and
 * tests.
 */
public final class SupervisionProcess {

  /** One regulatory act: record, quality check, submission, correction loop. */
  public static final String ACT_KEY = "supervision-act";

  /** One risk-warning clue: push, verify, handle and feed back, close or return. */
  public static final String CLUE_KEY = "supervision-risk-clue";

  /** The monthly dynamics quota check (the 1st of the month). */
  public static final String MONTHLY_KEY = "supervision-monthly-check";

  /** The quota per unit level (processes/p5-supervision-data/supervision-dynamics-quota.dmn). */
  public static final String QUOTA_DECISION = "supervision-dynamics-quota";

  private SupervisionProcess() {}

  /** Flow nodes of supervision-act.bpmn. */
  public static final class ActElements {
    public static final String START = "StartEvent_ActRecorded";
    public static final String CHECK_QUALITY = "ServiceTask_CheckActQuality";
    public static final String SUBMIT = "ServiceTask_SubmitAct";
    public static final String SUBMITTED = "EndEvent_ActSubmitted";
    public static final String CORRECT = "UserTask_CorrectAct";
    public static final String CORRECTION_LATE = "BoundaryEvent_CorrectionLate";
    public static final String ESCALATE_CORRECTION = "ServiceTask_EscalateCorrection";
    public static final String FOLLOW_UP_CORRECTION = "UserTask_FollowUpCorrection";
    public static final String CORRECTION_FOLLOWED_UP = "EndEvent_CorrectionFollowedUp";

    private ActElements() {}
  }

  /** Flow nodes of supervision-risk-clue.bpmn. */
  public static final class ClueElements {
    public static final String START = "StartEvent_CluePushed";
    public static final String VERIFY = "UserTask_VerifyClue";
    public static final String VERIFY_LATE = "BoundaryEvent_VerifyLate";
    public static final String HANDLE = "UserTask_HandleClue";
    public static final String HANDLE_LATE = "BoundaryEvent_HandleLate";
    public static final String CLOSE = "UserTask_CloseClue";
    public static final String CLOSED = "EndEvent_ClueClosed";
    public static final String FOLLOW_UP_VERIFY = "UserTask_FollowUpVerify";
    public static final String FOLLOW_UP_HANDLE = "UserTask_FollowUpHandle";

    private ClueElements() {}
  }

  /** Flow nodes of supervision-monthly-check.bpmn. */
  public static final class MonthlyElements {
    public static final String MONTH_STARTS = "StartEvent_MonthStarts";
    public static final String CHECK = "Gateway_QuotaMet";
    public static final String QUOTA_MET = "EndEvent_QuotaMet";
    public static final String ESCALATE = "ServiceTask_EscalateQuota";
    public static final String FOLLOW_UP = "UserTask_FollowUpQuota";
    public static final String ESCALATED = "EndEvent_QuotaEscalated";

    private MonthlyElements() {}
  }

  /** External task topics; each has one worker class of the same words. */
  public static final class Topics {
    public static final String CHECK_ACT_QUALITY = "supervision-check-act-quality";
    public static final String SUBMIT_ACT = "supervision-submit-act";
    public static final String ESCALATE = "fenhe-escalate";

    private Topics() {}
  }

  /** Camunda Forms ids (forms/p5-supervision-data/). */
  public static final class Forms {
    public static final String ACT_RECORD = "form-p5-act-record";
    public static final String ACT_CORRECTION = "form-p5-act-correction";
    public static final String CLUE_PUSH = "form-p5-clue-push";
    public static final String CLUE_VERIFY = "form-p5-clue-verify";
    public static final String CLUE_HANDLE = "form-p5-clue-handle";
    public static final String CLUE_CLOSE = "form-p5-clue-close";
    public static final String FOLLOW_UP = "form-escalation-follow-up";

    private Forms() {}
  }

  /** Process variables. The act itself is one JSON text ({@link #ACT}): few rows per act. */
  public static final class Variables {
    /** The act's fields as compact JSON (the batch API's object, inspectors included). */
    public static final String ACT = "act";

    /** Whether the act's item code is on its department's 检查实施清单 when recorded or corrected. */
    public static final String ITEM_LISTED = "itemListed";

    /** The group that records and corrects the act (regulator, or county-regulator-<county>). */
    public static final String REGULATOR_GROUP = "regulatorGroup";

    /** Set by the quality check. */
    public static final String ACT_ABNORMAL = "actAbnormal";

    public static final String QUALITY_FINDINGS = "qualityFindings";

    /** Set only on the abnormal path. */
    public static final String LEAD_GROUP = "leadGroup";

    public static final String CORRECTION_DUE = "correctionDue";
    public static final String CORRECTION_LATE = "correctionLate";
    public static final String CORRECTION_NOTE = "correctionNote";

    /** Set by the submission. */
    public static final String RECEIPT_NO = "receiptNo";

    // the act's fields (the form's keys)
    public static final String ITEM_CODE = "itemCode";
    public static final String OBJECT_NAME = "objectName";
    public static final String OBJECT_CREDIT_CODE = "objectCreditCode";
    public static final String METHOD = "method";
    public static final String KIND = "kind";
    public static final String CHECK_FORM = "checkForm";
    public static final String CONTENT = "content";
    public static final String RESULT = "result";
    public static final String DEPARTMENT = "department";
    public static final String COUNTY = "county";
    public static final String INSPECTORS = "inspectors";
    public static final String INSPECTORS_TEXT = "inspectorsText";
    public static final String ACTED_AT = "actedAt";

    // the clue
    public static final String CLUE_TITLE = "clueTitle";
    public static final String CLUE_CONTENT = "clueContent";
    public static final String CLUE_SOURCE = "clueSource";
    public static final String CLUE_CONFIRMED = "clueConfirmed";
    public static final String VERIFY_FINDINGS = "verifyFindings";
    public static final String HANDLING_MEASURES = "handlingMeasures";
    public static final String FEEDBACK = "feedback";
    public static final String CLUE_CLOSED = "clueClosed";
    public static final String CLOSURE_OPINION = "closureOpinion";

    // the monthly check
    public static final String CHECK_MONTH = "checkMonth";
    public static final String CHECK_MONTH_LABEL = "checkMonthLabel";
    public static final String SHORTFALL_COUNT = "shortfallCount";
    public static final String SHORTFALL_SUMMARY = "shortfallSummary";
    public static final String SHORTFALL_GROUPS = "shortfallGroups";
    public static final String RANKING = "ranking";

    private Variables() {}
  }
}
